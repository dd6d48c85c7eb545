package org.ichnaea.mysql;

import org.ichnaea.core.stats.RegionStatStoreContract;

class MariadbRegionStatStoreIT extends RegionStatStoreContract {

    @Override
    protected Stores newStores() {
        Database db = TestDatabases.mariadb();
        return new Stores(new MysqlWifiStationStore(db, db), new MysqlBlueStationStore(db, db),
                new MysqlCellAreaStore(db, db), new MysqlRegionStatStore(db, db));
    }
}
