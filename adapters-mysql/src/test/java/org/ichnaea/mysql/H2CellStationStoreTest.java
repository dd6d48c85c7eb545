package org.ichnaea.mysql;

import org.ichnaea.core.station.CellStationStore;
import org.ichnaea.core.station.CellStationStoreContract;

class H2CellStationStoreTest extends CellStationStoreContract {

    @Override
    protected CellStationStore newStore() {
        Database db = TestDatabases.h2();
        return new MysqlCellStationStore(db, db);
    }
}
