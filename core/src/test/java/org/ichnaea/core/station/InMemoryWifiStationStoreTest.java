package org.ichnaea.core.station;

class InMemoryWifiStationStoreTest extends MacStationStoreContract {

    @Override
    protected MacStationStore newStore() {
        return new InMemoryWifiStationStore();
    }
}
