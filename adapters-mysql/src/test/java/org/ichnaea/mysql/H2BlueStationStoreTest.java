package org.ichnaea.mysql;

import org.ichnaea.core.station.MacStationStore;
import org.ichnaea.core.station.MacStationStoreContract;

class H2BlueStationStoreTest extends MacStationStoreContract {

    @Override
    protected MacStationStore newStore() {
        Database db = TestDatabases.h2();
        return new MysqlBlueStationStore(db, db);
    }
}
