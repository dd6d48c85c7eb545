package org.ichnaea.http.site;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Rendered pages and feeds kept for a short time, so that a crawler cannot turn every request into database reads
 * (Ichnaea kept them in Redis under {@code cache:stats:4} and friends): a Caffeine cache whose entries expire
 * {@code ttl} after they were computed, by {@code clock}. One computation per key at a time; a computation that
 * throws is not cached.
 */
final class RenderCache {

    private final Cache<String, Object> entries;

    RenderCache(Clock clock, Duration ttl) {
        this.entries = Caffeine.newBuilder()
                .expireAfterWrite(ttl)
                .ticker(() -> nanos(clock.instant()))
                .executor(Runnable::run)
                .build();
    }

    @SuppressWarnings("unchecked")
    <T> T get(String key, Supplier<T> compute) {
        return (T) entries.get(key, k -> compute.get());
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
