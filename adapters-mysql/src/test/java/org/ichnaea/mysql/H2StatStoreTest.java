package org.ichnaea.mysql;

import org.ichnaea.core.stats.StatStore;
import org.ichnaea.core.stats.StatStoreContract;

class H2StatStoreTest extends StatStoreContract {

    @Override
    protected StatStore newStore() {
        Database db = TestDatabases.h2();
        return new MysqlStatStore(db, db);
    }
}
