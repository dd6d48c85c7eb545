package org.ichnaea.mysql;

import org.ichnaea.core.station.CellAreaStore;
import org.ichnaea.core.station.CellAreaStoreContract;

class H2CellAreaStoreTest extends CellAreaStoreContract {

    @Override
    protected CellAreaStore newStore() {
        Database db = TestDatabases.h2();
        return new MysqlCellAreaStore(db, db);
    }
}
