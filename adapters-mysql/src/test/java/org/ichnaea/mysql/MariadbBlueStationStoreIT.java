package org.ichnaea.mysql;

import org.ichnaea.core.station.MacStationStore;
import org.ichnaea.core.station.MacStationStoreContract;

class MariadbBlueStationStoreIT extends MacStationStoreContract {

    @Override
    protected MacStationStore newStore() {
        Database db = TestDatabases.mariadb();
        return new MysqlBlueStationStore(db, db);
    }
}
