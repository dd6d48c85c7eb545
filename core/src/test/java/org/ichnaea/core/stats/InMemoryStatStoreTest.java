package org.ichnaea.core.stats;

class InMemoryStatStoreTest extends StatStoreContract {

    @Override
    protected StatStore newStore() {
        return new InMemoryStatStore();
    }
}
