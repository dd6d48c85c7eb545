package org.ichnaea.mysql;

import org.ichnaea.core.station.MacStationStore;
import org.ichnaea.core.station.MacStationStoreContract;

class MariadbWifiStationStoreIT extends MacStationStoreContract {

    @Override
    protected MacStationStore newStore() {
        Database db = TestDatabases.mariadb();
        return new MysqlWifiStationStore(db, db);
    }
}
