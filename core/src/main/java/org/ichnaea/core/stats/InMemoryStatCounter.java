package org.ichnaea.core.stats;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Counters in this process: the embedded mode, where {@code serve} flushes them after every pipeline run. */
public final class InMemoryStatCounter implements StatCounter {

    private final Map<String, Long> counters = new ConcurrentHashMap<>();

    private static String name(StatKey key, LocalDate day) {
        return key.label() + "_" + day;
    }

    @Override
    public void incr(StatKey key, LocalDate day, long delta) {
        if (delta < 0) {
            throw new IllegalArgumentException("negative increment " + delta);
        }
        if (delta > 0) {
            counters.merge(name(key, day), delta, Long::sum);
        }
    }

    @Override
    public long get(StatKey key, LocalDate day) {
        return counters.getOrDefault(name(key, day), 0L);
    }

    @Override
    public void decr(StatKey key, LocalDate day, long delta) {
        counters.compute(name(key, day), (k, v) -> {
            long left = (v == null ? 0 : v) - delta;
            return left == 0 ? null : left;
        });
    }
}
