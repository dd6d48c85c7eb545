package org.ichnaea.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.ichnaea.core.queue.DataQueue;
import org.ichnaea.core.queue.DataQueueContract;
import org.ichnaea.core.submit.IncomingReport;
import org.ichnaea.core.testing.TestReports;
import org.junit.jupiter.api.Test;

class RedisDataQueueIT extends DataQueueContract {

    @Override
    protected DataQueue<IncomingReport> newQueue() {
        return RedisDataQueue.incoming(TestRedis.flushed(), "update_incoming");
    }

    @Test
    void the_list_expires_a_day_after_the_last_push() {
        Redis redis = TestRedis.flushed();
        RedisDataQueue.incoming(redis, "update_incoming").enqueue(List.of(TestReports.full(1)));
        assertThat(redis.client().ttl("update_incoming")).isBetween(86_000L, 86_400L);
    }
}
