package org.ichnaea.core.stats;

class InMemoryStatCounterTest extends StatCounterContract {

    @Override
    protected StatCounter newCounter() {
        return new InMemoryStatCounter();
    }
}
