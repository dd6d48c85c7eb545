package org.ichnaea.mysql;

import org.ichnaea.core.datamap.DataMapStore;
import org.ichnaea.core.datamap.DataMapStoreContract;

class MariadbDataMapStoreIT extends DataMapStoreContract {

    @Override
    protected DataMapStore newStore() {
        Database db = TestDatabases.mariadb();
        return new MysqlDataMapStore(db, db);
    }
}
