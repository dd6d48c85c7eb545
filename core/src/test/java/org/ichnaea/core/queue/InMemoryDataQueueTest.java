package org.ichnaea.core.queue;

import org.ichnaea.core.submit.IncomingReport;

class InMemoryDataQueueTest extends DataQueueContract {

    private InMemoryDataQueue<IncomingReport> queue;

    @Override
    protected DataQueue<IncomingReport> newQueue() {
        queue = new InMemoryDataQueue<>();
        return queue;
    }

    @Override
    protected DataQueue<IncomingReport> sameQueue(String owner, java.time.Duration lease) {
        return queue.handle(owner, lease);
    }
}
