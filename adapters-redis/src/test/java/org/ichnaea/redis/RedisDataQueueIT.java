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
    void claims_left_under_the_names_of_earlier_builds_come_back() {
        Redis redis = TestRedis.flushed();
        // What an earlier build left when it was killed holding a claim: the items in update_incoming:claim:<id>,
        // the claim in update_incoming:claims and its holder (alive elsewhere, as far as this host knows).
        byte[] item = org.ichnaea.core.submit.IncomingReportCodec.encode(TestReports.full(7));
        redis.client().rpush("update_incoming:claim:old-1".getBytes(), item);
        redis.client().zadd("update_incoming:claims", System.currentTimeMillis() + 600_000, "old-1");
        redis.client().hset("update_incoming:owners", "old-1", "other-host:1234:abc");

        DataQueue<IncomingReport> queue = RedisDataQueue.incoming(redis, "update_incoming");
        assertThat(queue.recover()).isEqualTo(1);
        assertThat(queue.dequeue(10)).containsExactly(TestReports.full(7));
        assertThat(redis.client().exists("update_incoming:claim:old-1")).isFalse();
        assertThat(redis.client().exists("update_incoming:claims")).isFalse();
    }

    @Test
    void claims_are_hash_tagged_with_the_lists_name() {
        Redis redis = TestRedis.flushed();
        DataQueue<IncomingReport> queue = RedisDataQueue.incoming(redis, "update_incoming");
        queue.enqueue(List.of(TestReports.full(1)));
        try (DataQueue.Claim<IncomingReport> claim = queue.claim(5)) {
            assertThat(redis.client().keys("*")).contains("{update_incoming}:claims", "{update_incoming}:owners")
                    .anySatisfy(k -> assertThat(k).startsWith("{update_incoming}:claim:"));
            claim.ack();
        }
    }

    @Test
    void a_sharded_queue_drains_the_single_list_of_earlier_builds_and_shards_of_other_counts() {
        Redis redis = TestRedis.flushed();
        RedisDataQueue.incoming(redis, "update_incoming").enqueue(List.of(TestReports.full(1), TestReports.full(2)));
        RedisQueues.incoming(redis, "update_incoming", 8).enqueue(List.of(TestReports.full(3)));
        RedisQueues.incoming(redis, "update_incoming", 8).enqueue(List.of(TestReports.full(4)));
        assertThat(redis.client().llen("update_incoming")).isEqualTo(2);

        DataQueue<IncomingReport> now = RedisQueues.incoming(redis, "update_incoming", 3);
        assertThat(now.size()).isEqualTo(4);
        now.recover();
        java.util.Set<IncomingReport> taken = new java.util.HashSet<>();
        for (int i = 0; i < 20; i++) {
            try (DataQueue.Claim<IncomingReport> claim = now.claim(10)) {
                taken.addAll(claim.items());
                claim.ack();
            }
        }
        assertThat(taken).containsExactlyInAnyOrder(TestReports.full(1), TestReports.full(2), TestReports.full(3),
                TestReports.full(4));
        assertThat(now.size()).isZero();
    }

    @Test
    void a_write_no_replica_confirms_is_not_acknowledged() {
        Redis redis = TestRedis.flushed();
        redis.requireReplicas(1);
        try {
            DataQueue<IncomingReport> queue = RedisDataQueue.incoming(redis, "update_incoming");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> queue.enqueue(List.of(TestReports.full(1))))
                    .isInstanceOf(org.ichnaea.core.queue.UnconfirmedWriteException.class)
                    .hasMessageContaining("0 of 1 replicas");
        } finally {
            redis.requireReplicas(0);
        }
    }

    @Test
    void the_list_expires_a_day_after_the_last_push() {
        Redis redis = TestRedis.flushed();
        RedisDataQueue.incoming(redis, "update_incoming").enqueue(List.of(TestReports.full(1)));
        assertThat(redis.client().ttl("update_incoming")).isBetween(86_000L, 86_400L);
    }
}
