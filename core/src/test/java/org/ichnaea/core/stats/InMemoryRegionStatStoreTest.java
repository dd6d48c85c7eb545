package org.ichnaea.core.stats;

import org.ichnaea.core.station.InMemoryBlueStationStore;
import org.ichnaea.core.station.InMemoryCellAreaStore;
import org.ichnaea.core.station.InMemoryWifiStationStore;

class InMemoryRegionStatStoreTest extends RegionStatStoreContract {

    @Override
    protected Stores newStores() {
        InMemoryWifiStationStore wifi = new InMemoryWifiStationStore();
        InMemoryBlueStationStore blue = new InMemoryBlueStationStore();
        InMemoryCellAreaStore areas = new InMemoryCellAreaStore();
        return new Stores(wifi, blue, areas, new InMemoryRegionStatStore(wifi, blue, areas));
    }
}
