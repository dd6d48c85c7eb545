package org.ichnaea.core.station;

class InMemoryCellStationStoreTest extends CellStationStoreContract {

    @Override
    protected CellStationStore newStore() {
        return new InMemoryCellStationStore();
    }
}
