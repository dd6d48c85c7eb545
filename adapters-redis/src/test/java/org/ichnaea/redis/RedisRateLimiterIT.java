package org.ichnaea.redis;

import org.ichnaea.core.locate.fallback.RateLimiter;
import org.ichnaea.core.locate.fallback.RateLimiterContract;

class RedisRateLimiterIT extends RateLimiterContract {

    @Override
    protected RateLimiter newLimiter() {
        return new RedisRateLimiter(TestRedis.flushed());
    }
}
