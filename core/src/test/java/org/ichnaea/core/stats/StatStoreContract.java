package org.ichnaea.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@code stat} table does (docs/storage.md "Schema", docs/algorithms.md §13.3); run against the fake and
 * each adapter.
 */
public abstract class StatStoreContract {

    private static final LocalDate DAY = LocalDate.of(2026, 6, 15);

    protected StatStore store;

    protected abstract StatStore newStore();

    @BeforeEach
    void createStore() {
        store = newStore();
    }

    @Test
    void a_day_without_a_row_starts_from_the_latest_earlier_total() {
        store.add(StatKey.WIFI, DAY.minusDays(5), 10);
        store.add(StatKey.WIFI, DAY.minusDays(3), 5);
        store.add(StatKey.WIFI, DAY, 7);

        assertThat(store.series(StatKey.WIFI, DAY.minusDays(10))).containsExactly(entry(DAY.minusDays(5), 10L),
                entry(DAY.minusDays(3), 15L), entry(DAY, 22L));
    }

    @Test
    void the_first_row_of_a_key_starts_from_zero() {
        store.add(StatKey.UNIQUE_BLUE, DAY, 4);
        assertThat(store.latest(StatKey.UNIQUE_BLUE, DAY)).isEqualTo(OptionalLong.of(4));
    }

    @Test
    void adds_to_an_existing_day() {
        store.add(StatKey.CELL, DAY.minusDays(1), 100);
        store.add(StatKey.CELL, DAY, 3);
        store.add(StatKey.CELL, DAY, 4);
        store.add(StatKey.CELL, DAY.minusDays(1), 1);

        assertThat(store.latest(StatKey.CELL, DAY.minusDays(1))).isEqualTo(OptionalLong.of(101));
        assertThat(store.latest(StatKey.CELL, DAY)).as("yesterday's late count is in today's total too")
                .isEqualTo(OptionalLong.of(108));
    }

    @Test
    void keys_are_independent() {
        store.add(StatKey.WIFI, DAY.minusDays(1), 50);
        store.add(StatKey.UNIQUE_WIFI, DAY, 2);

        assertThat(store.latest(StatKey.UNIQUE_WIFI, DAY)).isEqualTo(OptionalLong.of(2));
        assertThat(store.series(StatKey.UNIQUE_WIFI, DAY.minusDays(10))).containsOnlyKeys(DAY);
        assertThat(store.latest(StatKey.BLUE, DAY)).isEmpty();
        assertThat(store.series(StatKey.BLUE, DAY.minusDays(10))).isEmpty();
    }

    @Test
    void series_starts_at_the_given_day() {
        store.add(StatKey.BLUE, DAY.minusDays(2), 1);
        store.add(StatKey.BLUE, DAY.minusDays(1), 1);
        store.add(StatKey.BLUE, DAY, 1);

        assertThat(store.series(StatKey.BLUE, DAY.minusDays(1))).containsOnlyKeys(DAY.minusDays(1), DAY);
        assertThat(store.series(StatKey.BLUE, DAY.minusDays(1)).firstKey()).isEqualTo(DAY.minusDays(1));
        assertThat(store.series(StatKey.BLUE, DAY.plusDays(1))).isEmpty();
    }

    @Test
    void latest_answers_the_last_day_on_or_before() {
        store.add(StatKey.WIFI, DAY.minusDays(10), 8);
        store.add(StatKey.WIFI, DAY.minusDays(4), 2);

        assertThat(store.latest(StatKey.WIFI, DAY.minusDays(11))).isEmpty();
        assertThat(store.latest(StatKey.WIFI, DAY.minusDays(10))).isEqualTo(OptionalLong.of(8));
        assertThat(store.latest(StatKey.WIFI, DAY.minusDays(5))).isEqualTo(OptionalLong.of(8));
        assertThat(store.latest(StatKey.WIFI, DAY.minusDays(4))).isEqualTo(OptionalLong.of(10));
        assertThat(store.latest(StatKey.WIFI, DAY.plusDays(30))).isEqualTo(OptionalLong.of(10));
    }

    @Test
    void deletes_the_days_before() {
        store.add(StatKey.WIFI, DAY.minusDays(800), 1);
        store.add(StatKey.WIFI, DAY.minusDays(731), 1);
        store.add(StatKey.CELL, DAY.minusDays(740), 1);
        store.add(StatKey.WIFI, DAY.minusDays(730), 1);
        store.add(StatKey.WIFI, DAY, 1);

        assertThat(store.deleteBefore(DAY.minusDays(730))).isEqualTo(3);
        assertThat(store.series(StatKey.WIFI, DAY.minusDays(1000))).containsOnlyKeys(DAY.minusDays(730), DAY);
        assertThat(store.series(StatKey.CELL, DAY.minusDays(1000))).isEmpty();
        assertThat(store.latest(StatKey.WIFI, DAY)).isEqualTo(OptionalLong.of(4));
        assertThat(store.deleteBefore(DAY.minusDays(730))).isZero();
    }

    @Test
    void concurrent_adds_lose_nothing() throws Exception {
        store.add(StatKey.WIFI, DAY.minusDays(1), 1000);
        int threads = 4;
        int adds = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < adds; i++) {
                        store.add(StatKey.WIFI, DAY, 1);
                        store.add(StatKey.CELL, DAY, 2);
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.latest(StatKey.WIFI, DAY)).isEqualTo(OptionalLong.of(1000L + threads * adds));
        assertThat(store.latest(StatKey.CELL, DAY)).isEqualTo(OptionalLong.of(2L * threads * adds));
    }

    @Test
    void concurrent_first_adds_of_a_day_lose_nothing() throws Exception {
        store.add(StatKey.BLUE, DAY.minusDays(1), 1000);
        int threads = 4;
        int days = 10;
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    for (int d = 0; d < days; d++) {
                        together.await(30, TimeUnit.SECONDS);
                        store.add(StatKey.BLUE, DAY.plusDays(d), 1);
                        together.await(30, TimeUnit.SECONDS);
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        for (int d = 0; d < days; d++) {
            assertThat(store.latest(StatKey.BLUE, DAY.plusDays(d))).as("day %d", d)
                    .isEqualTo(OptionalLong.of(1000L + threads * (d + 1L)));
        }
    }
}
