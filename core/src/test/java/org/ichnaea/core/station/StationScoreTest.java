package org.ichnaea.core.station;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import org.ichnaea.core.radio.RadioType;
import org.ichnaea.core.testing.TestClock;
import org.ichnaea.core.testing.TestStations;
import org.junit.jupiter.api.Test;

/** Golden values of docs/algorithms.md §4 (scores) and docs/storage.md "Blocked stations". */
class StationScoreTest {

    private static double score(TestStations.MacBuilder builder) {
        return StationScore.of(builder.build().data(), TestClock.NOW);
    }

    @Test
    void a_fresh_station_with_one_sample_scores_0_05() {
        assertThat(score(TestStations.wifi("aa:bb:cc:00:00:01"))).isCloseTo(0.05, within(1e-12));
    }

    @Test
    void sample_weight_is_log2_of_samples_between_half_and_ten() {
        // Seen over 10+ days this month, so age and collection weights are 1.
        TestStations.MacBuilder base = TestStations.wifi("aa:bb:cc:00:00:01").created(TestClock.daysAgo(20))
                .modified(TestClock.NOW);
        assertThat(score(base.samples(1))).isCloseTo(0.5, within(1e-12));
        assertThat(score(base.samples(2))).isCloseTo(1.0, within(1e-12));
        assertThat(score(base.samples(10))).isCloseTo(3.3219, within(1e-4));
        assertThat(score(base.samples(100))).isCloseTo(6.6439, within(1e-4));
        assertThat(score(base.samples(1024))).isCloseTo(10.0, within(1e-12));
        assertThat(score(base.samples(1_000_000))).isCloseTo(10.0, within(1e-12));
    }

    @Test
    void several_samples_without_a_radius_count_as_one() {
        TestStations.MacBuilder base = TestStations.wifi("aa:bb:cc:00:00:01").created(TestClock.daysAgo(20))
                .modified(TestClock.NOW).samples(100);
        assertThat(score(base.radius(0))).isCloseTo(0.5, within(1e-12));
        assertThat(score(base.radius(null))).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void age_weight_is_one_over_root_of_months_plus_one() {
        TestStations.MacBuilder base = TestStations.wifi("aa:bb:cc:00:00:01").samples(2)
                .created(TestClock.daysAgo(1000));
        assertThat(score(base.modified(TestClock.daysAgo(29)))).isCloseTo(1.0, within(1e-12));
        assertThat(score(base.modified(TestClock.daysAgo(365)).lastSeen(TestClock.TODAY.minusDays(365))))
                .isCloseTo(1 / Math.sqrt(13), within(1e-12));
        assertThat(score(base.modified(TestClock.daysAgo(730)).lastSeen(TestClock.TODAY.minusDays(730))))
                .isCloseTo(0.2, within(1e-12));
    }

    @Test
    void collection_weight_grows_with_the_days_observed_up_to_ten() {
        TestStations.MacBuilder base = TestStations.wifi("aa:bb:cc:00:00:01").samples(2).modified(TestClock.NOW);
        assertThat(score(base.created(TestClock.NOW))).isCloseTo(0.1, within(1e-12));
        assertThat(score(base.created(TestClock.daysAgo(5)))).isCloseTo(0.5, within(1e-12));
        assertThat(score(base.created(TestClock.daysAgo(10)))).isCloseTo(1.0, within(1e-12));
        assertThat(score(base.created(TestClock.daysAgo(300)))).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void collection_starts_again_at_the_last_block() {
        TestStations.MacBuilder base = TestStations.wifi("aa:bb:cc:00:00:01").samples(2).modified(TestClock.NOW)
                .created(TestClock.daysAgo(300)).blocked(null, TestClock.TODAY.minusDays(4), 1);
        assertThat(score(base)).isCloseTo(0.4, within(1e-12));
    }

    @Test
    void area_sample_weight_is_root_of_cell_count_up_to_ten() {
        TestStations.AreaBuilder base = TestStations.area(RadioType.LTE, 262, 2, 812).created(TestClock.daysAgo(20))
                .modified(TestClock.NOW);
        assertThat(StationScore.of(base.numCells(1).build(), TestClock.NOW)).isCloseTo(1.0, within(1e-12));
        assertThat(StationScore.of(base.numCells(9).build(), TestClock.NOW)).isCloseTo(3.0, within(1e-12));
        assertThat(StationScore.of(base.numCells(400).build(), TestClock.NOW)).isCloseTo(10.0, within(1e-12));
        assertThat(StationScore.of(base.numCells(9).radius(0).build(), TestClock.NOW)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void a_station_is_blocked_for_two_days_after_a_block() {
        LocalDate today = TestClock.TODAY;
        StationData created = TestStations.wifi("aa:bb:cc:00:00:01").created(TestClock.daysAgo(400))
                .blocked(today.minusDays(1), today.minusDays(1), 1).build().data();
        assertThat(created.isBlocked(today)).isTrue();
        StationData later = created.withBlocks(today.minusDays(2), today.minusDays(2), 1);
        assertThat(later.isBlocked(today)).isFalse();
    }

    @Test
    void more_than_one_block_per_30_days_of_life_is_permanent_with_half_even_rounding() {
        LocalDate old = TestClock.TODAY.minusDays(100);
        // 44 days: round(1.47) = 1 → one block is permanent.
        assertThat(blockedAfter(44, 1, old)).isTrue();
        // 45 days: round(1.5) = 2 (half to even) → one block is not, two are.
        assertThat(blockedAfter(45, 1, old)).isFalse();
        assertThat(blockedAfter(45, 2, old)).isTrue();
        // 75 days: round(2.5) = 2 → two blocks are permanent.
        assertThat(blockedAfter(75, 2, old)).isTrue();
        assertThat(blockedAfter(76, 2, old)).isFalse();
    }

    private static boolean blockedAfter(long ageDays, int count, LocalDate lastBlock) {
        return TestStations.wifi("aa:bb:cc:00:00:01").created(TestClock.daysAgo(ageDays))
                .blocked(lastBlock, lastBlock, count).build().data().isBlocked(TestClock.TODAY);
    }
}
