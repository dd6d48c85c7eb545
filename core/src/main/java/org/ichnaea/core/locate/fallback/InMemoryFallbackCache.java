package org.ichnaea.core.locate.fallback;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Fallback answers in a map, expiring by the injected clock. */
public final class InMemoryFallbackCache implements FallbackCache {

    private record Entry(FallbackAnswer answer, Instant expires) {
    }

    private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final Clock clock;

    public InMemoryFallbackCache(Clock clock) {
        this.clock = clock;
    }

    @Override
    public List<Optional<FallbackAnswer>> getAll(List<String> keys) {
        Instant now = clock.instant();
        List<Optional<FallbackAnswer>> out = new ArrayList<>(keys.size());
        for (String key : keys) {
            Entry entry = entries.get(key);
            if (entry != null && entry.expires().isAfter(now)) {
                out.add(Optional.of(entry.answer()));
            } else {
                if (entry != null) {
                    entries.remove(key, entry);
                }
                out.add(Optional.empty());
            }
        }
        return out;
    }

    @Override
    public void putAll(List<String> keys, FallbackAnswer answer, Duration ttl) {
        Entry entry = new Entry(answer, clock.instant().plus(ttl));
        for (String key : keys) {
            entries.put(key, entry);
        }
    }
}
