package org.ichnaea.mysql;

import org.ichnaea.core.queue.DataQueue;
import org.ichnaea.core.queue.DataQueueContract;
import org.ichnaea.core.submit.IncomingReport;
import org.ichnaea.mysql.queue.MysqlDataQueue;

class H2DataQueueTest extends DataQueueContract {

    @Override
    protected DataQueue<IncomingReport> newQueue() {
        return MysqlDataQueue.incoming(TestDatabases.h2(), "update_incoming");
    }
}
