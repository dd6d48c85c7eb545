package org.ichnaea.mysql;

import org.ichnaea.core.stats.RegionStatStoreContract;

class H2RegionStatStoreTest extends RegionStatStoreContract {

    @Override
    protected Stores newStores() {
        Database db = TestDatabases.h2();
        return new Stores(new MysqlWifiStationStore(db, db), new MysqlBlueStationStore(db, db),
                new MysqlCellAreaStore(db, db), new MysqlRegionStatStore(db, db));
    }
}
