package org.ichnaea.core.locate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.ichnaea.core.apikey.ApiType;
import org.ichnaea.core.geoip.GeoIpRecord;
import org.ichnaea.core.geoip.InMemoryGeoIpDatabase;
import org.ichnaea.core.radio.RadioType;
import org.ichnaea.core.station.InMemoryCellAreaStore;
import org.ichnaea.core.station.InMemoryWifiStationStore;
import org.ichnaea.core.testing.TestClock;
import org.ichnaea.core.testing.TestRegions;
import org.ichnaea.core.testing.TestStations;
import org.junit.jupiter.api.Test;

/** Region scoring of docs/algorithms.md §8 with its MCC examples. */
class RegionSearcherTest {

    private final InMemoryWifiStationStore wifi = new InMemoryWifiStationStore();
    private final InMemoryCellAreaStore areas = new InMemoryCellAreaStore();
    private final Locator locator = Locator.builder().wifiStations(wifi).cellAreas(areas)
            .geoIp(new InMemoryGeoIpDatabase()
                    .put("81.2.69.160", new GeoIpRecord(51.5142, -0.0931, "GB", 100, true, 2643743L))
                    .put("2.3.4.5", new GeoIpRecord(60.1, 19.9, "AX", null, false, null)))
            .regions(TestRegions.some()).clock(TestClock.fixed()).build();

    private SearchOutcome search(QueryInput input) {
        return locator.regionSearcher().searchDetailed(locator.normalizer().normalize(input, null, ApiType.REGION));
    }

    private static double scoreOf(SearchOutcome outcome, String code) {
        return outcome.candidates().stream().filter(r -> code.equals(r.regionCode())).mapToDouble(Result::score)
                .sum();
    }

    @Test
    void an_unambiguous_mcc_names_its_region_and_a_complete_cell_counts_twice() {
        SearchOutcome outcome = search(QueryInput.builder().cell("lte", 235, 1, 100, 1, null).build());
        // Ichnaea quirk 3 (docs/decisions/001-fixed-ichnaea-quirks.md), kept: once as a cell, once as its area.
        assertThat(scoreOf(outcome, "GB")).isCloseTo(2.0, within(1e-12));
        assertThat(locator.region(QueryInput.builder().cell("lte", 235, 1, 100, 1, null).build()))
                .contains(new RegionAnswer("GB", "United Kingdom", null));
        assertThat(locator.region(QueryInput.builder().cell("gsm", 262, 1, 100, 1, null).build()).orElseThrow()
                .code()).isEqualTo("DE");
    }

    @Test
    void an_ambiguous_mcc_splits_its_vote_and_the_largest_region_wins_the_tie() {
        // 234 → GB, GG, IM, JE: 0.25 each per lookup.
        SearchOutcome outcome = search(QueryInput.builder().fallbacks(false, true).cell("gsm", 234, 1, 100, 1, null)
                .build());
        assertThat(scoreOf(outcome, "GB")).isCloseTo(0.25, within(1e-12));
        assertThat(scoreOf(outcome, "JE")).isCloseTo(0.25, within(1e-12));
        assertThat(outcome.best().orElseThrow().regionCode()).isEqualTo("GB");

        // 208 → FR, MC: France is larger.
        assertThat(locator.region(QueryInput.builder().cell("gsm", 208, 1, 100, 1, null).build()).orElseThrow()
                .code()).isEqualTo("FR");
    }

    @Test
    void a_stored_area_settles_an_ambiguous_mcc() {
        areas.saveAll(List.of(TestStations.area(RadioType.GSM, 234, 50, 100).at(49.2, -2.1).region("JE")
                .numCells(4).created(TestClock.daysAgo(30)).build()));
        SearchOutcome outcome = search(QueryInput.builder().cell("gsm", 234, 50, 100, 1, null).build());
        // Cell and area lookups each give JE 0.25; the area adds its score (√4 = 2) once per ambiguous areaid.
        assertThat(scoreOf(outcome, "JE")).isCloseTo(0.5 + 2.0, within(1e-12));
        assertThat(outcome.best().orElseThrow().regionCode()).isEqualTo("JE");
    }

    @Test
    void a_stored_area_counts_for_a_region_any_lookup_of_the_query_made_a_candidate() {
        // As Ichnaea's search_cell: the area of an ambiguous 234 lookup is stored as FR, a candidate only through
        // the 208 cell of the same query.
        areas.saveAll(List.of(TestStations.area(RadioType.GSM, 234, 50, 100).at(49.2, -2.1).region("FR")
                .numCells(4).created(TestClock.daysAgo(30)).build()));
        SearchOutcome outcome = search(QueryInput.builder().fallbacks(false, true)
                .cell("gsm", 234, 50, 100, 1, null).cell("gsm", 208, 1, 100, 1, null).build());
        assertThat(scoreOf(outcome, "FR")).isCloseTo(0.5 + 2.0, within(1e-12));
    }

    @Test
    void regions_outside_the_shapes_are_not_candidates() {
        // 310 → BM, GU, MP, PR, US, VI; only PR and US have shapes here: 0.5 each, US larger.
        SearchOutcome outcome = search(QueryInput.builder().fallbacks(false, true).cell("lte", 310, 1, 100, 1, null)
                .build());
        assertThat(outcome.candidates()).extracting(Result::regionCode).containsExactlyInAnyOrder("PR", "US");
        assertThat(scoreOf(outcome, "US")).isCloseTo(0.5, within(1e-12));
        assertThat(outcome.best().orElseThrow().regionCode()).isEqualTo("US");
    }

    @Test
    void wifi_stations_vote_for_their_stored_region_with_their_score() {
        wifi.saveAll(List.of(TestStations.wifi("aa:bb:cc:00:00:01").region("FR").samples(4)
                        .created(TestClock.daysAgo(30)).build(),
                TestStations.wifi("aa:bb:cc:00:00:02").region("FR").build(),
                TestStations.wifi("aa:bb:cc:00:00:03").region("ZZ").build()));
        SearchOutcome outcome = search(QueryInput.builder().ip("81.2.69.160").wifi("aa:bb:cc:00:00:01", null)
                .wifi("aa:bb:cc:00:00:02", null).wifi("aa:bb:cc:00:00:03", null).build());
        assertThat(scoreOf(outcome, "FR")).isCloseTo(2.0 + 0.05, within(1e-12));
        assertThat(outcome.best().orElseThrow().regionCode()).isEqualTo("FR");
        assertThat(outcome.candidates()).extracting(Result::regionCode).doesNotContain("ZZ");
    }

    @Test
    void geoip_answers_with_its_remapped_region_and_an_ipf_tag_only_when_networks_were_sent() {
        assertThat(locator.region(QueryInput.builder().ip("2.3.4.5").build()))
                .contains(new RegionAnswer("FI", "Finland", null));
        assertThat(locator.region(QueryInput.builder().ip("81.2.69.160").wifi("aa:bb:cc:00:00:08", null)
                .wifi("aa:bb:cc:00:00:09", null).build()))
                .contains(new RegionAnswer("GB", "United Kingdom", "ipf"));
        assertThat(locator.region(QueryInput.builder().build())).isEmpty();
    }
}
