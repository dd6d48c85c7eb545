package org.ichnaea.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.ichnaea.core.pipeline.StationUpdate.Outcome;
import org.ichnaea.core.region.RegionShapes;
import org.ichnaea.core.station.StationData;
import org.ichnaea.core.station.StationSource;
import org.ichnaea.core.testing.TestClock;
import org.ichnaea.core.testing.TestRegions;
import org.ichnaea.core.testing.TestStations;
import org.junit.jupiter.api.Test;

/** Every transition of the station updater's table, docs/algorithms.md §13.7. */
class StationUpdateTest {

    private static final RegionShapes REGIONS = TestRegions.some();
    private static final double KM = 1 / 111.2;

    private static StationObservation gnss(double lat, double lon) {
        return new StationObservation(lat, lon, 1.0, StationSource.GNSS);
    }

    private static StationObservation query(double lat, double lon) {
        return new StationObservation(lat, lon, 1.0, StationSource.QUERY);
    }

    private static Outcome wifi(StationData existing, StationObservation... obs) {
        return StationUpdate.apply(StationKind.WIFI, existing, List.of(obs), TestClock.NOW, REGIONS);
    }

    private static StationData gnssStation() {
        return TestStations.wifi("aa:bb:cc:00:00:01").at(51.5, -0.1).samples(10).age(40)
                .lastSeen(TestClock.TODAY.minusDays(3)).build().data();
    }

    private static StationData queryStation() {
        return TestStations.wifi("aa:bb:cc:00:00:01").at(51.5, -0.1).samples(3).age(40)
                .source(StationSource.QUERY).lastSeen(TestClock.TODAY.minusDays(3)).build().data();
    }

    @Test
    void none_with_consistent_observations_is_a_new_station() {
        Outcome out = wifi(null, gnss(51.5, -0.1), gnss(51.5002, -0.1002));
        assertThat(out.action()).isEqualTo(StationAction.NEW);
        StationData s = out.station();
        assertThat(s.lat()).isCloseTo(51.5001, within(1e-9));
        assertThat(s.samples()).isEqualTo(2);
        assertThat(s.weight()).isEqualTo(2.0);
        assertThat(s.region()).isEqualTo("GB");
        assertThat(s.source()).isEqualTo(StationSource.GNSS);
        assertThat(s.created()).isEqualTo(TestClock.NOW);
        assertThat(s.lastSeen()).isEqualTo(TestClock.TODAY);
        assertThat(s.radius()).isBetween(10, 20);
        assertThat(wifi(null, query(51.5, -0.1)).station().source()).isEqualTo(StationSource.QUERY);
    }

    @Test
    void none_with_inconsistent_observations_is_a_new_blocked_station() {
        Outcome out = wifi(null, gnss(51.5, -0.1), gnss(51.5 + 6 * KM, -0.1));
        assertThat(out.action()).isEqualTo(StationAction.NEW_BLOCK);
        assertThat(out.station().hasPosition()).isFalse();
        assertThat(out.station().blockCount()).isEqualTo(1);
        assertThat(out.station().blockFirst()).isEqualTo(TestClock.TODAY);
        assertThat(out.station().lastSeen()).isNull();
    }

    @Test
    void a_station_without_position_takes_consistent_data_and_ignores_the_rest() {
        StationData unplaced = TestStations.wifi("aa:bb:cc:00:00:01").noPosition().samples(0).age(100).build().data();
        Outcome change = wifi(unplaced, query(48.85, 2.35));
        assertThat(change.action()).isEqualTo(StationAction.CHANGE);
        assertThat(change.station().lat()).isEqualTo(48.85);
        assertThat(change.station().region()).isEqualTo("FR");
        assertThat(wifi(unplaced, gnss(48.85, 2.35), gnss(48.85 + 6 * KM, 2.35)).action())
                .isEqualTo(StationAction.NO_CHANGE);
    }

    @Test
    void agreeing_gnss_data_changes_a_gnss_station_and_query_data_only_confirms_it() {
        Outcome change = wifi(gnssStation(), gnss(51.501, -0.1));
        assertThat(change.action()).isEqualTo(StationAction.CHANGE);
        // Stored weight 1.0 and one observation of weight 1: the mean of the two.
        assertThat(change.station().lat()).isCloseTo(51.5005, within(1e-9));
        assertThat(change.station().samples()).isEqualTo(11);
        assertThat(change.station().maxLat()).isEqualTo(51.501);

        Outcome confirm = wifi(gnssStation(), query(51.501, -0.1));
        assertThat(confirm.action()).isEqualTo(StationAction.CONFIRM);
        assertThat(confirm.station().lat()).isEqualTo(51.5);
        assertThat(confirm.station().lastSeen()).isEqualTo(TestClock.TODAY);
        StationData seenToday = gnssStation().withTimes(gnssStation().created(), gnssStation().modified(),
                TestClock.TODAY);
        assertThat(wifi(seenToday, query(51.501, -0.1)).action()).isEqualTo(StationAction.NO_CHANGE);
    }

    @Test
    void a_query_sourced_station_is_replaced_by_gnss_data() {
        Outcome out = wifi(queryStation(), gnss(51.502, -0.102));
        assertThat(out.action()).isEqualTo(StationAction.REPLACE);
        assertThat(out.station().lat()).isEqualTo(51.502);
        assertThat(out.station().samples()).isEqualTo(1);
        assertThat(out.station().source()).isEqualTo(StationSource.GNSS);
        assertThat(out.station().created()).isEqualTo(queryStation().created());
        assertThat(wifi(queryStation(), query(51.502, -0.1)).action()).isEqualTo(StationAction.CHANGE);
    }

    @Test
    void inconsistent_data_blocks_an_agreeing_station() {
        for (StationData station : List.of(gnssStation(), queryStation())) {
            assertThat(wifi(station, gnss(51.5, -0.1), gnss(51.5 + 6 * KM, -0.1)).action())
                    .isEqualTo(StationAction.BLOCK);
            assertThat(wifi(station, query(51.5, -0.1), query(51.5 + 6 * KM, -0.1)).action())
                    .isEqualTo(StationAction.BLOCK);
        }
    }

    @Test
    void a_moved_station_is_blocked_keeping_its_region() {
        StationData station = gnssStation().withRegion("GB");
        Outcome out = wifi(station, gnss(48.85, 2.35));
        assertThat(out.action()).isEqualTo(StationAction.BLOCK);
        StationData blocked = out.station();
        assertThat(blocked.hasPosition()).isFalse();
        assertThat(blocked.region()).isEqualTo("GB");
        assertThat(blocked.samples()).isNull();
        assertThat(blocked.lastSeen()).isNull();
        assertThat(blocked.blockFirst()).isEqualTo(TestClock.TODAY);
        assertThat(blocked.blockLast()).isEqualTo(TestClock.TODAY);
        assertThat(blocked.blockCount()).isEqualTo(1);
        assertThat(blocked.isBlocked(TestClock.TODAY)).isTrue();
        assertThat(wifi(station, query(48.85, 2.35)).action()).isEqualTo(StationAction.BLOCK);
    }

    @Test
    void a_station_unmodified_for_a_year_moves_instead_of_being_blocked() {
        StationData old = TestStations.wifi("aa:bb:cc:00:00:01").at(51.5, -0.1).samples(50).age(400).build().data();
        Outcome moved = wifi(old, gnss(48.85, 2.35));
        assertThat(moved.action()).isEqualTo(StationAction.REPLACE);
        assertThat(moved.station().lat()).isEqualTo(48.85);
        assertThat(moved.station().region()).isEqualTo("FR");
        assertThat(moved.station().samples()).isEqualTo(1);
        assertThat(wifi(old, query(48.85, 2.35)).action()).isEqualTo(StationAction.REPLACE);
        assertThat(wifi(old, gnss(48.85, 2.35), gnss(48.85 + 6 * KM, 2.35)).action())
                .isEqualTo(StationAction.BLOCK);
    }

    @Test
    void a_blocked_station_drops_its_observations() {
        StationData blocked = gnssStation().withBlocks(TestClock.TODAY, TestClock.TODAY, 1);
        assertThat(wifi(blocked, gnss(51.5, -0.1)).action()).isEqualTo(StationAction.DROPPED);
    }

    @Test
    void a_station_an_operator_blocked_drops_its_observations_for_good() {
        StationData learned = gnssStation();
        StationData blocked = StationData.blockedForGood(learned, TestClock.NOW);
        assertThat(blocked.hasPosition()).isFalse();
        assertThat(blocked.region()).isNull();
        assertThat(blocked.samples()).isNull();
        assertThat(blocked.created()).isEqualTo(learned.created());
        assertThat(blocked.blockFirst()).isEqualTo(TestClock.TODAY);
        assertThat(blocked.blockLast()).isEqualTo(StationData.BLOCKED_FOR_GOOD);
        assertThat(blocked.blockCount()).isEqualTo(1);
        assertThat(blocked.isBlockedForGood()).isTrue();
        for (java.time.Instant later : List.of(TestClock.NOW, TestClock.NOW.plus(java.time.Duration.ofDays(3)),
                TestClock.NOW.plus(java.time.Duration.ofDays(365 * 60)))) {
            // 60 years on, far past where a count of blocks would stop blocking (one block per 30 days of age).
            Outcome out = StationUpdate.apply(StationKind.WIFI, blocked, List.of(gnss(51.5, -0.1)), later, REGIONS);
            assertThat(out.action()).as("at " + later).isEqualTo(StationAction.DROPPED);
            assertThat(out.station()).isNull();
        }
        StationData never = StationData.blockedForGood(null, TestClock.NOW);
        assertThat(never.created()).isEqualTo(TestClock.NOW);
        assertThat(never.isBlocked(TestClock.TODAY.plusYears(100))).isTrue();
        assertThat(StationData.blockedForGood(blocked, TestClock.NOW).blockCount()).isEqualTo(2);
        assertThat(gnssStation().withBlocks(TestClock.TODAY, TestClock.TODAY, 1).isBlockedForGood()).isFalse();
    }

    @Test
    void gnss_data_wins_over_query_data_in_one_batch() {
        Outcome out = wifi(null, query(10, 10), gnss(51.5, -0.1));
        assertThat(out.action()).isEqualTo(StationAction.NEW);
        assertThat(out.station().lat()).isEqualTo(51.5);
        assertThat(out.station().samples()).isEqualTo(1);
    }

    @Test
    void the_distance_limits_are_100_m_blue_5_km_wifi_and_100_km_cell() {
        StationObservation a = gnss(51.5, -0.1);
        StationObservation b150m = gnss(51.5 + 0.15 * KM, -0.1);
        assertThat(StationUpdate.apply(StationKind.BLUE, null, List.of(a, b150m), TestClock.NOW, REGIONS).action())
                .isEqualTo(StationAction.NEW_BLOCK);
        assertThat(StationUpdate.apply(StationKind.WIFI, null, List.of(a, b150m), TestClock.NOW, REGIONS).action())
                .isEqualTo(StationAction.NEW);
        StationObservation b50km = gnss(51.5 + 50 * KM, -0.1);
        assertThat(StationUpdate.apply(StationKind.CELL, null, List.of(a, b50km), TestClock.NOW, REGIONS).action())
                .isEqualTo(StationAction.NEW);
    }

    @Test
    void the_stored_weight_counts_at_most_10000() {
        StationData heavy = new StationData(51.5, -0.1, 51.5, 51.5, -0.1, -0.1, 10, "GB", 100_000L,
                StationSource.GNSS, 50_000.0, TestClock.daysAgo(40), TestClock.daysAgo(1), TestClock.TODAY.minusDays(1),
                null, null, null);
        Outcome out = StationUpdate.apply(StationKind.WIFI, heavy,
                List.of(new StationObservation(51.51, -0.1, 10_000, StationSource.GNSS)), TestClock.NOW, REGIONS);
        assertThat(out.station().lat()).isCloseTo(51.505, within(1e-9));
        assertThat(out.station().weight()).isEqualTo(60_000.0);
    }
}
