package org.ichnaea.core.station;

class InMemoryCellAreaStoreTest extends CellAreaStoreContract {

    @Override
    protected CellAreaStore newStore() {
        return new InMemoryCellAreaStore();
    }
}
