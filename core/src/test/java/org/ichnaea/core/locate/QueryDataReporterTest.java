package org.ichnaea.core.locate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.ichnaea.core.apikey.ApiKey;
import org.ichnaea.core.apikey.FallbackSchema;
import org.ichnaea.core.queue.InMemoryDataQueue;
import org.ichnaea.core.radio.RadioType;
import org.ichnaea.core.station.InMemoryCellStationStore;
import org.ichnaea.core.station.InMemoryWifiStationStore;
import org.ichnaea.core.station.StationSource;
import org.ichnaea.core.submit.IncomingReport;
import org.ichnaea.core.submit.QueryReports;
import org.ichnaea.core.testing.TestClock;
import org.ichnaea.core.testing.TestStations;
import org.junit.jupiter.api.Test;

/** Query-based observations, docs/algorithms.md §10 and the sampling rule of docs/storage.md "API keys". */
class QueryDataReporterTest {

    private final InMemoryWifiStationStore wifi = new InMemoryWifiStationStore();
    private final InMemoryCellStationStore cells = new InMemoryCellStationStore();
    private final InMemoryDataQueue<IncomingReport> queue = new InMemoryDataQueue<>();
    private final InMemoryLocateSampleRate rate = new InMemoryLocateSampleRate();
    private double draw = 0.0;

    private Locator locator(ApiKey key) {
        return Locator.builder().wifiStations(wifi).cellStations(cells).clock(TestClock.fixed()).defaultKey(key)
                .queryData(QueryReports.into(queue), rate).random(() -> draw)
                .build();
    }

    private static ApiKey sampling(int percent) {
        return new ApiKey("k", null, false, true, true, null, FallbackSchema.ICHNAEA_V1, null, null, null, null,
                percent, 100);
    }

    private static QueryInput twoWifis() {
        return QueryInput.builder().wifi("aa:bb:cc:00:00:01", -60).wifi("aa:bb:cc:00:00:02", -70).build();
    }

    private void stations(java.time.LocalDate lastSeen) {
        wifi.saveAll(List.of(TestStations.wifi("aa:bb:cc:00:00:01").at(51.5, -0.1).lastSeen(lastSeen).build(),
                TestStations.wifi("aa:bb:cc:00:00:02").at(51.5001, -0.1).lastSeen(lastSeen).build()));
    }

    @Test
    void a_located_query_is_queued_as_a_query_report() {
        stations(TestClock.TODAY.minusDays(3));
        Position p = locator(sampling(100)).locate(twoWifis()).orElseThrow();

        List<IncomingReport> queued = queue.dequeue(10);
        assertThat(queued).singleElement().satisfies(item -> {
            assertThat(item.apiKey()).isEqualTo("k");
            assertThat(item.source()).isEqualTo(StationSource.QUERY);
            assertThat(item.report().position().lat()).isEqualTo(p.lat());
            assertThat(item.report().position().accuracy()).isEqualTo(p.accuracy());
            assertThat(item.report().position().source()).isEqualTo(StationSource.QUERY);
            assertThat(item.report().wifis()).hasSize(2);
            assertThat(item.report().ipf()).isTrue();
            assertThat(item.report().timestamp()).isEqualTo(TestClock.NOW.toEpochMilli());
        });
    }

    @Test
    void nothing_is_queued_when_every_network_was_already_seen_today() {
        stations(TestClock.TODAY);
        assertThat(locator(sampling(100)).locate(twoWifis())).isPresent();
        assertThat(queue.size()).isZero();
    }

    @Test
    void a_query_with_an_unknown_network_teaches_something_even_if_the_rest_was_seen_today() {
        stations(TestClock.TODAY);
        assertThat(locator(sampling(100)).locate(QueryInput.builder().wifi("aa:bb:cc:00:00:01", -60)
                .wifi("aa:bb:cc:00:00:02", -70).wifi("aa:bb:cc:00:00:03", -80).build())).isPresent();
        assertThat(queue.size()).isEqualTo(1);
    }

    @Test
    void a_found_cell_is_always_queued_because_its_area_is_never_among_the_used_networks() {
        // Ichnaea quirk 13 (docs/decisions/001-fixed-ichnaea-quirks.md), kept.
        cells.saveAll(List.of(TestStations.cell(RadioType.LTE, 262, 2, 812, 1).lastSeen(TestClock.TODAY).build()));
        assertThat(locator(sampling(100)).locate(QueryInput.builder().cell("lte", 262, 2, 812, 1, -90).build()))
                .isPresent();
        assertThat(queue.size()).isEqualTo(1);
    }

    @Test
    void sampling_multiplies_key_and_global_rates_and_equality_counts() {
        stations(TestClock.TODAY.minusDays(3));
        rate.set(50);
        draw = 0.25;
        locator(sampling(50)).locate(twoWifis());
        assertThat(queue.size()).as("rate 0.25 >= draw 0.25").isEqualTo(1);
        draw = 0.2500001;
        locator(sampling(50)).locate(twoWifis());
        assertThat(queue.size()).isEqualTo(1);
        draw = 0.0;
        locator(sampling(0)).locate(twoWifis());
        assertThat(queue.size()).as("rate 0 never stores").isEqualTo(1);
    }

    @Test
    void geoip_only_answers_are_not_queued() {
        assertThat(locator(sampling(100)).locate(QueryInput.builder().ip("81.2.69.160").build())).isEmpty();
        assertThat(queue.size()).isZero();
    }
}
