package org.ichnaea.core.locate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ichnaea.core.apikey.ApiType;
import org.ichnaea.core.geo.Geodesy;
import org.ichnaea.core.geoip.GeoIpRecord;
import org.ichnaea.core.geoip.InMemoryGeoIpDatabase;
import org.ichnaea.core.radio.MacAddress;
import org.ichnaea.core.radio.RadioType;
import org.ichnaea.core.station.InMemoryBlueStationStore;
import org.ichnaea.core.station.InMemoryCellAreaStore;
import org.ichnaea.core.station.InMemoryCellStationStore;
import org.ichnaea.core.station.InMemoryWifiStationStore;
import org.ichnaea.core.station.MacStation;
import org.ichnaea.core.station.WifiStationStore;
import org.ichnaea.core.testing.TestClock;
import org.ichnaea.core.testing.TestRegions;
import org.ichnaea.core.testing.TestStations;
import org.ichnaea.core.testing.UnavailableWifiStationStore;
import org.junit.jupiter.api.Test;

/** The position searcher end to end over in-memory stores (docs/algorithms.md §3–§7). */
class PositionSearcherTest {

    private final InMemoryWifiStationStore wifi = new InMemoryWifiStationStore();
    private final InMemoryBlueStationStore blue = new InMemoryBlueStationStore();
    private final InMemoryCellStationStore cells = new InMemoryCellStationStore();
    private final InMemoryCellAreaStore areas = new InMemoryCellAreaStore();
    private final InMemoryGeoIpDatabase geoIp = new InMemoryGeoIpDatabase()
            .put("81.2.69.160", new GeoIpRecord(51.5142, -0.0931, "GB", 100, true, 2643743L))
            .put("1.2.3.4", new GeoIpRecord(0.0, 6.7, "ST", null, false, null));

    private Locator locator(WifiStationStore wifiStore) {
        // Ichnaea's algorithm: these are the compatibility tests (docs/algorithms.md §1–§12); RefinedLocateTest has
        // the default engine's.
        return Locator.builder().algorithm(Algorithm.ICHNAEA).wifiStations(wifiStore).blueStations(blue)
                .cellStations(cells).cellAreas(areas)
                .geoIp(geoIp).regions(TestRegions.some()).clock(TestClock.fixed()).build();
    }

    private Locator locator() {
        return locator(wifi);
    }

    private SearchOutcome search(QueryInput input) {
        Locator l = locator();
        return l.positionSearcher().searchDetailed(l.normalizer().normalize(input, null, ApiType.LOCATE));
    }

    private static String mac(int i) {
        return String.format("aabbcc%06x", i);
    }

    @Test
    void nothing_known_and_no_ip_is_no_answer() {
        assertThat(locator().locate(QueryInput.builder().wifi(mac(1), -60).wifi(mac(2), -70).build())).isEmpty();
        assertThat(locator().locate(QueryInput.builder().build())).isEmpty();
    }

    @Test
    void two_known_wifi_networks_close_together_give_a_position() {
        wifi.saveAll(List.of(TestStations.wifi(mac(1)).at(51.5, -0.1).build(),
                TestStations.wifi(mac(2)).at(51.5002, -0.1).build()));

        Position p = locator().locate(QueryInput.builder().wifi(mac(1), -60).wifi(mac(2), -60).build())
                .orElseThrow();

        assertThat(p.lat()).isCloseTo(51.5001, within(1e-6));
        assertThat(p.lon()).isCloseTo(-0.1, within(1e-9));
        assertThat(p.accuracy()).isBetween(10.0, 15.0);
        assertThat(p.fallback()).isNull();
    }

    @Test
    void one_known_network_alone_reveals_nothing() {
        wifi.saveAll(List.of(TestStations.wifi(mac(1)).at(51.5, -0.1).build()));
        assertThat(locator().locate(QueryInput.builder().wifi(mac(1), -60).wifi(mac(2), -60).build())).isEmpty();
    }

    @Test
    void two_known_networks_too_far_apart_give_nothing() {
        wifi.saveAll(List.of(TestStations.wifi(mac(1)).at(51.5, -0.1).build(),
                TestStations.wifi(mac(2)).at(51.51, -0.1).build()));
        assertThat(locator().locate(QueryInput.builder().wifi(mac(1), -60).wifi(mac(2), -60).build())).isEmpty();
    }

    @Test
    void blocked_and_unplaced_stations_are_not_used() {
        wifi.saveAll(List.of(TestStations.wifi(mac(1)).at(51.5, -0.1).build(),
                TestStations.wifi(mac(2)).at(51.5001, -0.1).blocked(TestClock.TODAY, TestClock.TODAY, 1).build(),
                TestStations.wifi(mac(3)).noPosition().build()));
        assertThat(locator().locate(QueryInput.builder().wifi(mac(1), -60).wifi(mac(2), -60).wifi(mac(3), -60)
                .build())).isEmpty();
    }

    @Test
    void wifi_accuracy_is_clamped_to_10_and_500_metres() {
        wifi.saveAll(List.of(TestStations.wifi(mac(1)).at(51.5, -0.1).build(),
                TestStations.wifi(mac(2)).at(51.5, -0.1).build()));
        assertThat(locator().locate(QueryInput.builder().wifi(mac(1), -60).wifi(mac(2), -60).build())
                .orElseThrow().accuracy()).isEqualTo(10.0);

        // Three networks on a 500 m line: the 95th percentile distance exceeds nothing, but spread networks hit 500.
        for (int i = 0; i < 3; i++) {
            wifi.saveAll(List.of(TestStations.wifi(mac(10 + i)).at(51.5 + i * 0.0022, -0.1).build()));
        }
        Position spread = locator().locate(QueryInput.builder().wifi(mac(10), -60).wifi(mac(11), -60)
                .wifi(mac(12), -60).build()).orElseThrow();
        assertThat(spread.accuracy()).isBetween(200.0, 500.0);
    }

    @Test
    void bluetooth_accuracy_is_clamped_to_50_metres_and_clusters_within_100() {
        blue.saveAll(List.of(TestStations.blue(mac(1)).at(51.5, -0.1).build(),
                TestStations.blue(mac(2)).at(51.5008, -0.1).build()));
        // 89 m apart; the strong beacon pulls the estimate to itself, so the weak one is ~89 m away: clamped.
        Position p = locator().locate(QueryInput.builder().blue(mac(1), -40).blue(mac(2), -120).build())
                .orElseThrow();
        assertThat(p.accuracy()).isEqualTo(50.0);

        blue.saveAll(List.of(TestStations.blue(mac(3)).at(51.5, -0.1).build(),
                TestStations.blue(mac(4)).at(51.5012, -0.1).build()));
        assertThat(locator().locate(QueryInput.builder().blue(mac(3), -60).blue(mac(4), -60).build())).isEmpty();
    }

    @Test
    void the_cluster_with_more_score_beats_the_cluster_with_more_networks() {
        // Three fresh networks (0.05 each) in London, two established ones (5.0 each) in Paris.
        for (int i = 0; i < 3; i++) {
            wifi.saveAll(List.of(TestStations.wifi(mac(i)).at(51.5 + i * 0.0001, -0.1).build()));
        }
        for (int i = 3; i < 5; i++) {
            wifi.saveAll(List.of(TestStations.wifi(mac(i)).at(48.85 + i * 0.0001, 2.35).samples(32)
                    .created(TestClock.daysAgo(60)).build()));
        }
        QueryInput.Builder q = QueryInput.builder();
        for (int i = 0; i < 5; i++) {
            q.wifi(mac(i), -60);
        }
        SearchOutcome outcome = search(q.build());
        assertThat(outcome.candidates()).hasSize(2);
        assertThat(outcome.best().orElseThrow().lat()).isCloseTo(48.85, within(0.001));
    }

    @Test
    void a_cluster_over_the_cap_uses_its_20_highest_scoring_networks_and_scores_all() {
        // docs/decisions/001-fixed-ichnaea-quirks.md fix 1: Ichnaea kept the 20 lowest-scoring networks.
        List<MacStation> stations = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            stations.add(TestStations.wifi(mac(i)).at(51.5, -0.1 + i * 0.00001).samples(64)
                    .created(TestClock.daysAgo(60)).build());
        }
        for (int i = 20; i < 25; i++) {
            stations.add(TestStations.wifi(mac(i)).at(51.503, -0.1).build());
        }
        wifi.saveAll(stations);
        QueryInput.Builder q = QueryInput.builder();
        for (int i = 0; i < 25; i++) {
            q.wifi(mac(i), -60);
        }

        Result best = search(q.build()).best().orElseThrow();

        assertThat(best.usedNetworks()).hasSize(20)
                .allSatisfy(u -> assertThat(((MacAddress) u.id()).bits() & 0xFFFF).isLessThan(20));
        assertThat(best.lat()).isCloseTo(51.5, within(1e-6));
        assertThat(best.score()).isCloseTo(20 * 6.0 + 5 * 0.05, within(1e-9));
    }

    @Test
    void a_bluetooth_cluster_over_the_cap_uses_its_10_highest_scoring_beacons() {
        List<MacStation> stations = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            stations.add(TestStations.blue(mac(i)).at(51.5, -0.1 + i * 0.000001).samples(64)
                    .created(TestClock.daysAgo(60)).build());
        }
        for (int i = 10; i < 14; i++) {
            stations.add(TestStations.blue(mac(i)).at(51.5006, -0.1).build());
        }
        blue.saveAll(stations);
        QueryInput.Builder q = QueryInput.builder();
        for (int i = 0; i < 14; i++) {
            q.blue(mac(i), -70);
        }

        Result best = search(q.build()).best().orElseThrow();

        assertThat(best.usedNetworks()).hasSize(10)
                .allSatisfy(u -> assertThat(((MacAddress) u.id()).bits() & 0xFFFF).isLessThan(10));
        assertThat(best.lat()).isCloseTo(51.5, within(1e-6));
        assertThat(best.score()).isCloseTo(10 * 6.0 + 4 * 0.05, within(1e-9));
    }

    @Test
    void one_cell_gives_its_position_with_accuracy_clamped_to_1_and_50_km() {
        cells.saveAll(List.of(TestStations.cell(RadioType.LTE, 262, 2, 812, 1).at(52.5, 13.4).radius(200).build(),
                TestStations.cell(RadioType.LTE, 262, 2, 813, 1).at(52.6, 13.4).radius(80_000).build()));
        Position small = locator().locate(QueryInput.builder().cell("lte", 262, 2, 812, 1, -90).build())
                .orElseThrow();
        assertThat(small).isEqualTo(new Position(52.5, 13.4, 1000.0, null));
        Position large = locator().locate(QueryInput.builder().cell("lte", 262, 2, 813, 1, -90).build())
                .orElseThrow();
        assertThat(large.accuracy()).isEqualTo(50_000.0);
    }

    @Test
    void several_cells_of_one_area_give_their_signal_weighted_mean() {
        cells.saveAll(List.of(TestStations.cell(RadioType.GSM, 262, 2, 812, 1).at(52.5, 13.4).build(),
                TestStations.cell(RadioType.GSM, 262, 2, 812, 2).at(52.505, 13.4).build()));
        Position p = locator().locate(QueryInput.builder().cell("gsm", 262, 2, 812, 1, -60)
                .cell("gsm", 262, 2, 812, 2, -90).build()).orElseThrow();
        // weights 1/60² and 1/90²: the mean leans to the stronger cell.
        double expected = (52.5 / 3600 + 52.505 / 8100) / (1.0 / 3600 + 1.0 / 8100);
        assertThat(p.lat()).isCloseTo(expected, within(1e-7));
        assertThat(p.accuracy()).isEqualTo(1000.0);
    }

    @Test
    void an_area_answers_when_no_cell_is_known_tagged_lacf() {
        areas.saveAll(List.of(TestStations.area(RadioType.LTE, 262, 2, 812).at(52.5, 13.4).radius(3000).build()));
        Position p = locator().locate(QueryInput.builder().cell("lte", 262, 2, 812, 99, -90).build()).orElseThrow();
        assertThat(p).isEqualTo(new Position(52.5, 13.4, 50_000.0, "lacf"));

        assertThat(locator().locate(QueryInput.builder().fallbacks(false, true).cell("lte", 262, 2, 812, 99, -90)
                .build())).isEmpty();
    }

    @Test
    void area_accuracy_is_at_most_500_km_and_areas_are_ignored_when_a_cell_is_found() {
        areas.saveAll(List.of(TestStations.area(RadioType.LTE, 262, 2, 812).at(52.5, 13.4).radius(900_000)
                .build()));
        assertThat(locator().locate(QueryInput.builder().cell("lte", 262, 2, 812, 99, -90).build()).orElseThrow()
                .accuracy()).isEqualTo(500_000.0);
        cells.saveAll(List.of(TestStations.cell(RadioType.LTE, 262, 2, 812, 99).at(50.0, 10.0).build()));
        SearchOutcome outcome = search(QueryInput.builder().cell("lte", 262, 2, 812, 99, -90).build());
        assertThat(outcome.candidates()).singleElement().satisfies(r -> assertThat(r.lat()).isEqualTo(50.0));
    }

    @Test
    void an_ip_only_query_is_answered_by_geoip_without_a_fallback_tag() {
        Position p = locator().locate(QueryInput.builder().ip("81.2.69.160").build()).orElseThrow();
        // London: city radius 40 km (docs/algorithms.md §7), under the 100 km accuracy radius and 400 km subdivision
        // radius.
        assertThat(p).isEqualTo(new Position(51.5142, -0.0931, 40_000.0, null));
    }

    @Test
    void geoip_answers_tagged_ipf_when_the_networks_are_unknown() {
        Position p = locator().locate(QueryInput.builder().ip("81.2.69.160").wifi(mac(1), -60).wifi(mac(2), -60)
                .build()).orElseThrow();
        assertThat(p.fallback()).isEqualTo("ipf");
    }

    @Test
    void consider_ip_false_keeps_geoip_out() {
        assertThat(locator().locate(QueryInput.builder().ip("81.2.69.160").considerIp(false).build())).isEmpty();
    }

    @Test
    void a_geoip_record_on_the_equator_is_a_position() {
        // docs/decisions/001-fixed-ichnaea-quirks.md fix 3: Ichnaea treated latitude 0.0 as missing.
        Position p = locator().locate(QueryInput.builder().ip("1.2.3.4").build()).orElseThrow();
        assertThat(p.lat()).isZero();
        assertThat(p.lon()).isEqualTo(6.7);
        assertThat(p.accuracy()).isEqualTo(5_000_000.0);
    }

    @Test
    void with_the_wifi_store_down_geoip_still_answers() {
        WifiStationStore down = new UnavailableWifiStationStore();
        Optional<Position> p = locator(down).locate(QueryInput.builder().ip("81.2.69.160").wifi(mac(1), -60)
                .wifi(mac(2), -60).build());
        assertThat(p).hasValueSatisfying(pos -> assertThat(pos.fallback()).isEqualTo("ipf"));
    }

    @Test
    void a_good_wifi_answer_beats_geoip_in_the_same_city() {
        wifi.saveAll(List.of(TestStations.wifi(mac(1)).at(51.51, -0.09).build(),
                TestStations.wifi(mac(2)).at(51.5102, -0.09).build()));
        Position p = locator().locate(QueryInput.builder().ip("81.2.69.160").wifi(mac(1), -60).wifi(mac(2), -60)
                .build()).orElseThrow();
        assertThat(p.accuracy()).isLessThan(100);
        assertThat(p.fallback()).isNull();
        assertThat(Geodesy.distance(p.lat(), p.lon(), 51.5101, -0.09)).isLessThan(5);
    }
}
