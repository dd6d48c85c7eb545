package org.ichnaea.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.ichnaea.core.apikey.ApiKeyUsage;
import org.ichnaea.core.apikey.ApiKeyUsageContract;
import org.ichnaea.core.apikey.ApiType;
import org.ichnaea.core.jobs.JobLock;
import org.ichnaea.core.jobs.JobLockContract;
import org.ichnaea.core.locate.fallback.FallbackCache;
import org.ichnaea.core.locate.fallback.FallbackCacheContract;
import org.ichnaea.core.locate.fallback.RateLimiter;
import org.ichnaea.core.locate.fallback.RateLimiterContract;
import org.ichnaea.core.monitor.RateController;
import org.ichnaea.core.queue.DataQueue;
import org.ichnaea.core.queue.DataQueueContract;
import org.ichnaea.core.queue.ShardedDataQueue;
import org.ichnaea.core.stats.StatCounter;
import org.ichnaea.core.stats.StatCounterContract;
import org.ichnaea.core.stats.StatKey;
import org.ichnaea.core.submit.IncomingReport;
import org.ichnaea.core.testing.TestReports;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Every Redis adapter on a real 3-master Redis Cluster started by the test ({@link PrivateRedisCluster}), through
 * {@code redis-cluster://}: the same contracts as on one server, so no multi-key call crosses slots (Redis would
 * answer CROSSSLOT) and no call needs MULTI (a cluster client has none). The cluster is flushed before each test.
 */
class RedisClusterIT {

    private static PrivateRedisCluster cluster;
    private static Redis redis;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = PrivateRedisCluster.start(3);
        redis = Redis.open(cluster.uri());
    }

    @AfterAll
    static void stopCluster() {
        if (redis != null) {
            redis.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    static Redis flushed() {
        try {
            for (int port : cluster.ports()) {
                PrivateRedisCluster.cli(port, "flushall");
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return redis;
    }

    @Test
    void the_uri_opens_a_cluster_client() {
        assertThat(redis.isCluster()).isTrue();
        assertThat(redis.description()).startsWith("cluster 127.0.0.1:");
        redis.ping();
    }

    @Nested
    class Queue extends DataQueueContract {
        @Override
        protected DataQueue<IncomingReport> newQueue() {
            return RedisDataQueue.incoming(flushed(), "update_incoming");
        }

        @Override
        protected DataQueue<IncomingReport> sameQueue(String owner, Duration lease) {
            return RedisDataQueue.incoming(redis, "update_incoming", owner, lease);
        }
    }

    @Nested
    class OneShardQueue extends DataQueueContract {
        @Override
        protected DataQueue<IncomingReport> newQueue() {
            return RedisQueues.incoming(flushed(), "update_incoming", 1);
        }

        @Override
        protected DataQueue<IncomingReport> sameQueue(String owner, Duration lease) {
            return RedisQueues.incoming(redis, "update_incoming", 1, owner, lease);
        }
    }

    @Nested
    class Usage extends ApiKeyUsageContract {
        @Override
        protected ApiKeyUsage newUsage() {
            return new RedisApiKeyUsage(flushed());
        }
    }

    @Nested
    class Fallback extends FallbackCacheContract {
        @Override
        protected FallbackCache newCache() {
            return new RedisFallbackCache(flushed());
        }
    }

    @Nested
    class Limiter extends RateLimiterContract {
        @Override
        protected RateLimiter newLimiter() {
            return new RedisRateLimiter(flushed());
        }
    }

    @Nested
    class Counter extends StatCounterContract {
        @Override
        protected StatCounter newCounter() {
            return new RedisStatCounter(flushed());
        }
    }

    @Nested
    class Lock extends JobLockContract {
        @Override
        protected JobLock newLock() {
            return new RedisJobLock(flushed());
        }
    }

    @Test
    void sixteen_shards_spread_over_every_node_and_drain_completely() throws Exception {
        Redis redis = flushed();
        ShardedDataQueue<IncomingReport> queue = RedisQueues.incoming(redis, "update_incoming", 16);
        Set<Long> ids = new HashSet<>();
        for (int i = 0; i < 160; i++) {
            IncomingReport report = TestReports.full(i);
            ids.add(report.id());
            queue.enqueue(List.of(report));
        }
        assertThat(queue.size()).isEqualTo(160);
        // 16 lists plus the registry: every node holds some of the lists.
        assertThat(cluster.keysPerNode()).allSatisfy(keys -> assertThat(keys).isPositive());
        assertThat(redis.client().smembers("update_incoming:shards")).hasSize(16);

        ShardedDataQueue<IncomingReport> worker = RedisQueues.incoming(redis, "update_incoming", 4);
        worker.recover();
        List<Long> taken = new ArrayList<>();
        while (true) {
            try (DataQueue.Claim<IncomingReport> claim = worker.claim(7)) {
                if (claim.isEmpty()) {
                    break;
                }
                claim.items().forEach(r -> taken.add(r.id()));
                claim.ack();
            }
        }
        assertThat(taken).hasSize(160).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(queue.size()).isZero();
    }

    @Test
    void usage_counts_are_read_from_every_node() {
        Redis redis = flushed();
        RedisApiKeyUsage usage = new RedisApiKeyUsage(redis);
        LocalDate day = LocalDate.of(2026, 6, 15);
        for (int i = 0; i < 300; i++) {
            usage.record("key" + i, ApiType.LOCATE, "v1.geolocate", "10.0.0." + (i % 250), day);
        }
        usage.record("key7", ApiType.SUBMIT, "v2.geosubmit", "10.0.0.1", day);
        assertThat(usage.keysUsed(day)).hasSize(300);
        assertThat(usage.counts("key7", day)).containsEntry("v1.geolocate", 1L).containsEntry("v2.geosubmit", 1L);
    }

    @Test
    void the_rate_controller_reads_and_writes_keys_of_several_slots() {
        Redis redis = flushed();
        redis.client().set("rate_controller_enabled", "1");
        redis.client().set("rate_controller_target", "1000");
        redis.client().set("rate_controller_kp", "8");
        RedisRateControlStore store = new RedisRateControlStore(redis);
        new RateController(store).step(950, OptionalLong.empty(), Instant.parse("2026-06-15T12:00:00Z"));
        assertThat(new RedisLocateSampleRate(redis).percent()).isCloseTo(40.0,
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(store.read()).containsEntry("enabled", "1").containsKey("state").containsEntry("trx_purging", "0");
    }

    @Test
    void stat_counters_keep_ichnaeas_lifetime() {
        Redis redis = flushed();
        new RedisStatCounter(redis).incr(StatKey.UNIQUE_WIFI, LocalDate.of(2026, 6, 15), 3);
        assertThat(redis.client().get("statcounter_unique_wifi_20260615")).isEqualTo("3");
        assertThat(redis.client().ttl("statcounter_unique_wifi_20260615")).isBetween(172_000L, 172_800L);
    }
}
