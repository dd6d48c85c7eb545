package org.ichnaea.core.station;

class InMemoryBlueStationStoreTest extends MacStationStoreContract {

    @Override
    protected MacStationStore newStore() {
        return new InMemoryBlueStationStore();
    }
}
