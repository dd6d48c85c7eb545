package org.ichnaea.core.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * The pipeline vector "stats accumulated across days" (docs/algorithms.md §13.3): counters move into cumulative
 * daily rows, yesterday's late counts still land on yesterday, and a day without data starts from the last total.
 */
class StatsAcrossDaysTest {

    private final InMemoryStatCounter counter = new InMemoryStatCounter();
    private final InMemoryStatStore store = new InMemoryStatStore();
    private static final LocalDate DAY1 = LocalDate.of(2026, 6, 14);
    private static final LocalDate DAY2 = LocalDate.of(2026, 6, 15);
    private static final LocalDate DAY4 = LocalDate.of(2026, 6, 17);

    private StatCounterFlush at(LocalDate day, int hour) {
        return new StatCounterFlush(counter, store, Clock.fixed(day.atTime(hour, 0).toInstant(ZoneOffset.UTC),
                ZoneOffset.UTC));
    }

    @Test
    void totals_are_cumulative_across_days() {
        counter.incr(StatKey.WIFI, DAY1, 100);
        counter.incr(StatKey.UNIQUE_WIFI, DAY1, 10);
        assertThat(at(DAY1, 12).run()).isEqualTo(110);
        assertThat(store.latest(StatKey.WIFI, DAY1)).hasValue(100);

        counter.incr(StatKey.WIFI, DAY1, 5);   // late on day 1, flushed after midnight
        counter.incr(StatKey.WIFI, DAY2, 40);
        at(DAY2, 0).run();
        assertThat(store.series(StatKey.WIFI, DAY1)).containsExactly(
                java.util.Map.entry(DAY1, 105L), java.util.Map.entry(DAY2, 145L));

        counter.incr(StatKey.WIFI, DAY2, 5);
        at(DAY2, 23).run();
        assertThat(store.latest(StatKey.WIFI, DAY2)).hasValue(150);

        // Nothing on day 3; day 4 starts from day 2's total.
        counter.incr(StatKey.WIFI, DAY4, 1);
        at(DAY4, 1).run();
        assertThat(store.latest(StatKey.WIFI, DAY4)).hasValue(151);
        assertThat(store.latest(StatKey.WIFI, DAY4.minusDays(1))).as("day 3 reads day 2").hasValue(150);
        assertThat(store.latest(StatKey.UNIQUE_WIFI, DAY4)).hasValue(10);
        assertThat(counter.get(StatKey.WIFI, DAY2)).as("moved counts are subtracted").isZero();
    }

    @Test
    void counts_older_than_yesterday_wait_for_no_one() {
        counter.incr(StatKey.CELL, DAY1, 7);
        at(DAY4, 0).run();
        assertThat(store.latest(StatKey.CELL, DAY4)).as("Ichnaea only flushes yesterday and today").isEmpty();
    }
}
