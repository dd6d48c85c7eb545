package org.ichnaea.http.site;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Rendered pages and feeds kept for a short time, so that a crawler cannot turn every request into database reads
 * (Ichnaea kept them in Redis under {@code cache:stats:4} and friends). One computation per key at a time; a
 * computation that throws is not cached.
 */
final class RenderCache {

    private record Entry(Instant expires, Object value) {
    }

    private final Clock clock;
    private final Duration ttl;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    RenderCache(Clock clock, Duration ttl) {
        this.clock = clock;
        this.ttl = ttl;
    }

    @SuppressWarnings("unchecked")
    <T> T get(String key, Supplier<T> compute) {
        Entry entry = fresh(key);
        if (entry != null) {
            return (T) entry.value();
        }
        synchronized (locks.computeIfAbsent(key, k -> new Object())) {
            entry = fresh(key);
            if (entry != null) {
                return (T) entry.value();
            }
            T value = compute.get();
            entries.put(key, new Entry(clock.instant().plus(ttl), value));
            return value;
        }
    }

    private Entry fresh(String key) {
        Entry entry = entries.get(key);
        return entry != null && clock.instant().isBefore(entry.expires()) ? entry : null;
    }
}
