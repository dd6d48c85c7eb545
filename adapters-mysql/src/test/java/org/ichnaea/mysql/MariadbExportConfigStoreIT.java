package org.ichnaea.mysql;

import org.ichnaea.core.export.ExportConfigStore;
import org.ichnaea.core.export.ExportConfigStoreContract;

class MariadbExportConfigStoreIT extends ExportConfigStoreContract {

    @Override
    protected ExportConfigStore newStore() {
        Database db = TestDatabases.mariadb();
        return new MysqlExportConfigStore(db, db);
    }
}
