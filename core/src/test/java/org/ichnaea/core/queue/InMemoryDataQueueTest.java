package org.ichnaea.core.queue;

import org.ichnaea.core.submit.IncomingReport;

class InMemoryDataQueueTest extends DataQueueContract {

    @Override
    protected DataQueue<IncomingReport> newQueue() {
        return new InMemoryDataQueue<>();
    }
}
