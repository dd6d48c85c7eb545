package org.ichnaea.redis;

import java.time.Duration;
import org.ichnaea.core.locate.fallback.RateLimiter;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;

/** INCR + EXPIRE counters in Redis (the fallback rate limit of docs/algorithms.md §9). */
public final class RedisRateLimiter implements RateLimiter {

    private final Redis redis;

    public RedisRateLimiter(Redis redis) {
        this.redis = redis;
    }

    @Override
    public long incrementAndGet(String key, Duration ttl) {
        return redis.call("rate limit", () -> {
            try (AbstractPipeline pipeline = redis.client().pipelined()) {
                Response<Long> count = pipeline.incr(key);
                pipeline.expire(key, Math.max(1, ttl.toSeconds()));
                pipeline.sync();
                return count.get();
            }
        });
    }
}
