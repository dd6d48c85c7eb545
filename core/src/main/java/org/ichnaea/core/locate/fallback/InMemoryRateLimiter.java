package org.ichnaea.core.locate.fallback;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Expiring counters in a map, by the injected clock: the single-process stand-in for Redis. */
public final class InMemoryRateLimiter implements RateLimiter {

    private record Counter(long count, Instant expires) {
    }

    private final ConcurrentMap<String, Counter> counters = new ConcurrentHashMap<>();
    private final Clock clock;

    public InMemoryRateLimiter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public long incrementAndGet(String key, Duration ttl) {
        Instant now = clock.instant();
        Counter updated = counters.compute(key, (k, old) -> {
            long count = old == null || !old.expires().isAfter(now) ? 1 : old.count() + 1;
            return new Counter(count, now.plus(ttl));
        });
        if (counters.size() > 10_000) {
            counters.values().removeIf(c -> !c.expires().isAfter(now));
        }
        return updated.count();
    }
}
