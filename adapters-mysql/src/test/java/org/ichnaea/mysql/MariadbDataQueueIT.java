package org.ichnaea.mysql;

import org.ichnaea.core.queue.DataQueue;
import org.ichnaea.core.queue.DataQueueContract;
import org.ichnaea.core.submit.IncomingReport;
import org.ichnaea.mysql.queue.MysqlDataQueue;

class MariadbDataQueueIT extends DataQueueContract {

    @Override
    protected DataQueue<IncomingReport> newQueue() {
        return MysqlDataQueue.incoming(TestDatabases.mariadb(), "update_incoming");
    }
}
