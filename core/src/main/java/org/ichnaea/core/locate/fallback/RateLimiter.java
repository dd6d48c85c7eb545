package org.ichnaea.core.locate.fallback;

import java.time.Duration;

/**
 * Counters for rate limits: increment a key and let it expire (Redis {@code INCR} + {@code EXPIRE}). Faults surface
 * as {@link org.ichnaea.core.StoreUnavailableException}; each caller decides whether that fails open or closed.
 */
public interface RateLimiter {

    /** Increments the counter, sets its lifetime, and returns the new count. */
    long incrementAndGet(String key, Duration ttl);
}
