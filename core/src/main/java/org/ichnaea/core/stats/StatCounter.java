package org.ichnaea.core.stats;

import java.time.LocalDate;

/**
 * Daily counters the station updater increments after each commit and {@link StatCounterFlush} moves into the
 * {@code stat} table (docs/algorithms.md §13.7, docs/algorithms.md §13.3; Redis {@code statcounter_<key>_<YYYYMMDD>} in
 * production, expiring after two days). Faults surface as {@link org.ichnaea.core.StoreUnavailableException}.
 */
public interface StatCounter {

    /** Adds {@code delta} (≥ 0) to the counter of {@code key} on {@code day}. */
    void incr(StatKey key, LocalDate day, long delta);

    /** The counter's current value, 0 when absent. */
    long get(StatKey key, LocalDate day);

    /** Subtracts {@code delta}, leaving what was added since it was read. */
    void decr(StatKey key, LocalDate day, long delta);
}
