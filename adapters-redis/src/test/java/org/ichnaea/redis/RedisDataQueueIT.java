package org.ichnaea.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.ichnaea.core.queue.DataQueue;
import org.ichnaea.core.queue.DataQueueContract;
import org.ichnaea.core.submit.IncomingReport;
import org.ichnaea.core.testing.TestReports;
import org.junit.jupiter.api.Test;

class RedisDataQueueIT extends DataQueueContract {

    private Redis redis;

    @Override
    protected DataQueue<IncomingReport> newQueue() {
        redis = TestRedis.flushed();
        return RedisDataQueue.incoming(redis, "update_incoming");
    }

    @Override
    protected DataQueue<IncomingReport> sameQueue(String owner, java.time.Duration lease) {
        return RedisDataQueue.incoming(redis, "update_incoming", owner, lease);
    }

    @Test
    void the_list_expires_a_day_after_the_last_push() {
        Redis redis = TestRedis.flushed();
        RedisDataQueue.incoming(redis, "update_incoming").enqueue(List.of(TestReports.full(1)));
        assertThat(redis.client().ttl("update_incoming")).isBetween(86_000L, 86_400L);
    }
}
