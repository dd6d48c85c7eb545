package org.ichnaea.app;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.ichnaea.core.StoreUnavailableException;
import org.ichnaea.core.apikey.WriteBehindApiKeyUsage;
import org.ichnaea.core.monitor.RateController;
import org.ichnaea.core.pipeline.PipelineHealth;
import org.ichnaea.core.queue.DataQueue;
import org.ichnaea.core.queue.GroupCommitQueue;
import org.ichnaea.core.submit.IncomingReport;
import org.ichnaea.core.submit.IncomingReportCodec;
import org.ichnaea.http.HealthCheck;
import org.ichnaea.redis.Redis;
import org.ichnaea.redis.RedisApiKeyUsage;
import org.ichnaea.redis.RedisFallbackCache;
import org.ichnaea.redis.RedisJobLock;
import org.ichnaea.redis.RedisLocateSampleRate;
import org.ichnaea.redis.RedisQueues;
import org.ichnaea.redis.RedisRateControlStore;
import org.ichnaea.redis.RedisRateLimiter;
import org.ichnaea.redis.RedisStatCounter;

/**
 * {@code REDIS_URI}: the report queues, counters, caches and the job lock in Redis, through a pool for the pipeline,
 * the jobs, the submit queue and the heartbeat ({@code Redis.open}), and one for what a request reads and counts
 * ({@code Redis.openForRequests}, opened with the web tier).
 */
final class RedisState extends SharedState {

    private final Settings settings;
    private final Resources resources;
    private final Redis redis;
    /** The queues opened so far, by name: one object per queue, whose shard registry it keeps. */
    private final Map<String, DataQueue<IncomingReport>> queues = new ConcurrentHashMap<>();

    RedisState(Settings settings, Resources resources) {
        this(settings, resources, resources.track(Redis.open(settings.redisUri(), settings.redisCaFile())
                .requireReplicas(settings.waitReplicas())));
    }

    private RedisState(Settings settings, Resources resources, Redis redis) {
        super(new RedisStatCounter(redis), new RedisJobLock(redis), new RedisApiKeyUsage(redis));
        this.settings = settings;
        this.resources = resources;
        this.redis = redis;
    }

    /** Redis lists, {@code REDIS_QUEUE_SHARDS} of them. */
    @Override
    DataQueue<IncomingReport> queue(String name, Storage storage) {
        return queues.computeIfAbsent(name, n -> RedisQueues.incoming(redis, n, settings.queueShards()));
    }

    @Override
    boolean countersInProcess() {
        return false;
    }

    @Override
    RateController rateController() {
        return new RateController(new RedisRateControlStore(redis));
    }

    /**
     * What a request reads and counts goes through a pool with short timeouts and a breaker that skips Redis for a
     * while after a failure (Redis.openForRequests); the submit queue keeps the main pool. The usage counts are
     * counted in memory and sent to Redis once a second, one batch per key and path: no round trip per request
     * (WriteBehindApiKeyUsage; a daily limit may be passed by one second of traffic).
     */
    @Override
    Requests forRequests(Clock clock) {
        Redis fast = resources.track(Redis.openForRequests(settings.redisUri(), settings.redisCaFile()));
        return new Requests(new RedisLocateSampleRate(fast, Duration.ofSeconds(1)), new RedisFallbackCache(fast),
                new RedisRateLimiter(fast), () -> resources.track(new WriteBehindApiKeyUsage(
                        new RedisApiKeyUsage(fast), Duration.ofSeconds(1))));
    }

    /**
     * A write Redis does not confirm goes to a local spool and is moved later (SpoolingQueue), so a Redis outage or
     * stall costs submissions no 503 and a timed-out write that Redis ran after all no duplicate. Concurrent
     * submissions share one Redis round trip (GroupCommitQueue).
     */
    @Override
    DataQueue<IncomingReport> submissions(DataQueue<IncomingReport> incoming, PipelineHealth pipelineHealth) {
        return resources.track(new SpoolingQueue<>(new GroupCommitQueue<>(incoming),
                settings.dataDir().resolve("spool").resolve("update_incoming"), IncomingReportCodec::encode,
                IncomingReportCodec::decode, 1000));
    }

    @Override
    HealthCheck health() {
        return () -> {
            try {
                redis.ping();
                return HealthCheck.Health.up(Map.of());
            } catch (StoreUnavailableException e) {
                return HealthCheck.Health.down(Map.of());
            }
        };
    }
}
