package org.ichnaea.mysql;

import org.ichnaea.core.datamap.DataMapStore;
import org.ichnaea.core.datamap.DataMapStoreContract;

class H2DataMapStoreTest extends DataMapStoreContract {

    @Override
    protected DataMapStore newStore() {
        Database db = TestDatabases.h2();
        return new MysqlDataMapStore(db, db);
    }
}
