package org.ichnaea.mysql;

import org.ichnaea.core.station.CellAreaStore;
import org.ichnaea.core.station.CellAreaStoreContract;

class MariadbCellAreaStoreIT extends CellAreaStoreContract {

    @Override
    protected CellAreaStore newStore() {
        Database db = TestDatabases.mariadb();
        return new MysqlCellAreaStore(db, db);
    }
}
