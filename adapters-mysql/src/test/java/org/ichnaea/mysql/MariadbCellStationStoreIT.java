package org.ichnaea.mysql;

import org.ichnaea.core.station.CellStationStore;
import org.ichnaea.core.station.CellStationStoreContract;

class MariadbCellStationStoreIT extends CellStationStoreContract {

    @Override
    protected CellStationStore newStore() {
        Database db = TestDatabases.mariadb();
        return new MysqlCellStationStore(db, db);
    }
}
