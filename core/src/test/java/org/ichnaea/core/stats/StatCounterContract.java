package org.ichnaea.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every daily stat counter does (docs/algorithms.md §13.3); run against the fake and each adapter. */
public abstract class StatCounterContract {

    private static final LocalDate DAY = LocalDate.of(2026, 6, 15);

    protected StatCounter counter;

    protected abstract StatCounter newCounter();

    @BeforeEach
    void createCounter() {
        counter = newCounter();
    }

    @Test
    void counts_up_and_down() {
        assertThat(counter.get(StatKey.WIFI, DAY)).isZero();
        counter.incr(StatKey.WIFI, DAY, 3);
        counter.incr(StatKey.WIFI, DAY, 4);
        counter.incr(StatKey.WIFI, DAY, 0);
        assertThat(counter.get(StatKey.WIFI, DAY)).isEqualTo(7);

        counter.decr(StatKey.WIFI, DAY, 7);
        assertThat(counter.get(StatKey.WIFI, DAY)).isZero();
    }

    @Test
    void keys_and_days_are_independent() {
        counter.incr(StatKey.WIFI, DAY, 1);
        counter.incr(StatKey.WIFI, DAY.minusDays(1), 2);
        counter.incr(StatKey.UNIQUE_WIFI, DAY, 3);
        counter.incr(StatKey.CELL, DAY.plusDays(1), 4);

        assertThat(counter.get(StatKey.WIFI, DAY)).isEqualTo(1);
        assertThat(counter.get(StatKey.WIFI, DAY.minusDays(1))).isEqualTo(2);
        assertThat(counter.get(StatKey.UNIQUE_WIFI, DAY)).isEqualTo(3);
        assertThat(counter.get(StatKey.CELL, DAY.plusDays(1))).isEqualTo(4);
        assertThat(counter.get(StatKey.CELL, DAY)).isZero();
        assertThat(counter.get(StatKey.BLUE, DAY)).isZero();
    }

    @Test
    void decr_leaves_what_was_added_after_the_read() {
        counter.incr(StatKey.BLUE, DAY, 5);
        long read = counter.get(StatKey.BLUE, DAY);
        counter.incr(StatKey.BLUE, DAY, 2);
        counter.decr(StatKey.BLUE, DAY, read);
        assertThat(counter.get(StatKey.BLUE, DAY)).isEqualTo(2);
    }

    @Test
    void rejects_a_negative_increment() {
        assertThatThrownBy(() -> counter.incr(StatKey.CELL, DAY, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(counter.get(StatKey.CELL, DAY)).isZero();
    }

    @Test
    void flushing_moves_the_counts_into_the_cumulative_table() {
        StatStore store = new InMemoryStatStore();
        LocalDate today = org.ichnaea.core.testing.TestClock.TODAY;
        store.add(StatKey.WIFI, today.minusDays(3), 100);
        counter.incr(StatKey.WIFI, today.minusDays(1), 5);
        counter.incr(StatKey.WIFI, today, 7);
        counter.incr(StatKey.UNIQUE_WIFI, today, 1);

        long moved = new StatCounterFlush(counter, store, org.ichnaea.core.testing.TestClock.fixed()).run();

        assertThat(moved).isEqualTo(13);
        assertThat(store.latest(StatKey.WIFI, today.minusDays(1))).hasValue(105);
        assertThat(store.latest(StatKey.WIFI, today)).hasValue(112);
        assertThat(store.latest(StatKey.UNIQUE_WIFI, today)).hasValue(1);
        assertThat(counter.get(StatKey.WIFI, today)).isZero();
        assertThat(counter.get(StatKey.WIFI, today.minusDays(1))).isZero();
    }
}
