package org.ichnaea.core.stats;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Ichnaea's {@code update_statcounter} (docs/algorithms.md §13.3): for every key, yesterday then today, reads the
 * counter, adds it to the day's cumulative {@code stat} row and subtracts what it moved from the counter, so
 * increments made meanwhile stay for the next run.
 */
public final class StatCounterFlush {

    private final StatCounter counter;
    private final StatStore store;
    private final Clock clock;

    public StatCounterFlush(StatCounter counter, StatStore store, Clock clock) {
        this.counter = counter;
        this.store = store;
        this.clock = clock;
    }

    /** Moves every pending count into the table; answers the total moved. */
    public long run() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        long moved = 0;
        for (StatKey key : StatKey.values()) {
            for (LocalDate day : new LocalDate[] {today.minusDays(1), today}) {
                long value = counter.get(key, day);
                if (value > 0) {
                    store.add(key, day, value);
                    counter.decr(key, day, value);
                    moved += value;
                }
            }
        }
        return moved;
    }
}
