package org.ichnaea.mysql;

import org.ichnaea.core.stats.StatStore;
import org.ichnaea.core.stats.StatStoreContract;

class MariadbStatStoreIT extends StatStoreContract {

    @Override
    protected StatStore newStore() {
        Database db = TestDatabases.mariadb();
        return new MysqlStatStore(db, db);
    }
}
