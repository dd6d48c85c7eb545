package org.ichnaea.core.stats;

import java.time.LocalDate;
import java.util.NavigableMap;
import java.util.OptionalLong;

/**
 * The {@code stat} table: one cumulative running total per key and day (docs/storage.md "Schema", docs/algorithms.md
 * §13.3). Faults surface as {@link org.ichnaea.core.StoreUnavailableException}.
 */
public interface StatStore {

    /**
     * Adds {@code delta} to the day's total; a day without a row starts from the latest earlier day's total (or 0),
     * so the values stay cumulative; rows of later days grow by {@code delta} too (late counts for a past day,
     * where Ichnaea left the later totals short). Concurrent calls must not lose an addition.
     */
    void add(StatKey key, LocalDate day, long delta);

    /** The total of the latest day on or before {@code day}; empty when there is none. */
    OptionalLong latest(StatKey key, LocalDate day);

    /** Every row of {@code key} on or after {@code from}, by day. */
    NavigableMap<LocalDate, Long> series(StatKey key, LocalDate from);

    /** Deletes rows of days before {@code day} (Ichnaea's {@code cleanup_stat} keeps 730 days); answers how many. */
    int deleteBefore(LocalDate day);
}
