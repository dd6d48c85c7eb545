package org.ichnaea.mysql;

import org.ichnaea.core.queue.DataQueue;
import org.ichnaea.core.queue.DataQueueContract;
import org.ichnaea.core.submit.IncomingReport;
import org.ichnaea.mysql.queue.MysqlDataQueue;

class H2DataQueueTest extends DataQueueContract {

    private Database db;

    @Override
    protected DataQueue<IncomingReport> newQueue() {
        db = TestDatabases.h2();
        return MysqlDataQueue.incoming(db, "update_incoming");
    }

    @Override
    protected DataQueue<IncomingReport> sameQueue(String owner, java.time.Duration lease) {
        return MysqlDataQueue.incoming(db, "update_incoming", owner, lease);
    }
}
