package org.ichnaea.core.datamap;

class InMemoryDataMapStoreTest extends DataMapStoreContract {

    @Override
    protected DataMapStore newStore() {
        return new InMemoryDataMapStore();
    }
}
