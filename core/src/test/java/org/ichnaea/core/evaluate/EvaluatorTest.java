package org.ichnaea.core.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ichnaea.core.locate.QueryInput;
import org.ichnaea.core.locate.Result;
import org.ichnaea.core.locate.ResultSource;
import org.ichnaea.core.locate.UsedNetwork;
import org.ichnaea.core.locate.NetworkType;
import org.ichnaea.core.radio.MacAddress;
import org.ichnaea.core.radio.MobileCountryCodes;
import org.ichnaea.core.station.InMemoryWifiStationStore;
import org.ichnaea.core.station.MacStation;
import org.ichnaea.core.station.StationData;
import org.ichnaea.core.submit.ReportInput;
import org.ichnaea.core.testing.TestClock;
import org.ichnaea.core.testing.TestRegions;
import org.junit.jupiter.api.Test;

class EvaluatorTest {

    /** Metres per 0.001° of latitude on the haversine sphere (6,371,009 m): 6371009 · π / 180 / 1000. */
    private static final double MILLIDEGREE = 111.19508;

    private static final double LAT = 52.5200;
    private static final double LON = 13.4050;

    @Test
    void learns_wifi_and_cells_through_the_pipeline_and_measures_the_answers() {
        Evaluator evaluator = new Evaluator(TestRegions.some(), MobileCountryCodes.bundled(), TestClock.fixed(), 2,
                LookupOrder.DATABASE, org.ichnaea.core.locate.Algorithm.ICHNAEA);
        List<ReportInput> reports = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            reports.add(wifiReport(1_700_000_000_000L + i, LAT, LON, "02:00:00:00:0a:01", "02:00:00:00:0a:02"));
            reports.add(wifiReport(1_700_000_100_000L + i, LAT + 0.01, LON, "02:00:00:00:0b:01",
                    "02:00:00:00:0b:02"));
        }
        reports.add(new ReportInput(1_700_000_200_000L, position(LAT + 0.02, LON), null, List.of(),
                List.of(new QueryInput.Cell("lte", 262L, 1L, 100L, 5000L, null, null, -90L, null, null)),
                List.of()));
        reports.add(wifiReport(1_700_000_300_000L, 10.0, 10.0, "02:00:00:00:0c:01", "02:00:00:00:0c:02"));
        evaluator.submit(reports);
        evaluator.learn();

        Evaluator.Learning learning = evaluator.learning();
        assertThat(learning.submitted()).isEqualTo(8);
        assertThat(learning.processed()).isEqualTo(8);
        assertThat(learning.droppedReports()).as("the report outside every region").isEqualTo(1);
        assertThat(learning.stations().wifi()).isEqualTo(4);
        assertThat(learning.stations().wifiUsable()).isEqualTo(4);
        assertThat(learning.stations().cell()).isEqualTo(1);
        assertThat(learning.stations().cellAreas()).isEqualTo(1);

        List<Answer> answers = List.of(
                evaluator.answer(wifiQuery(LAT, LON, "02:00:00:00:0a:01", "02:00:00:00:0a:02")),
                evaluator.answer(wifiQuery(LAT + 0.011, LON, "02:00:00:00:0b:01", "02:00:00:00:0b:02")),
                evaluator.answer(wifiQuery(LAT, LON, "02:00:00:00:0d:01", "02:00:00:00:0d:02")),
                evaluator.answer(new TestQuery(LAT + 0.02, LON, "cell", Map.of(), QueryInput.builder()
                        .considerIp(false).cell("lte", 262, 1, 100, 5000, -90).build())));

        assertThat(answers).extracting(Answer::answeredBy).containsExactly("wifi", "wifi", "none", "cell");
        assertThat(answers.get(0).error()).isCloseTo(0.0, within(0.01));
        assertThat(answers.get(1).error()).isCloseTo(MILLIDEGREE, within(0.01));
        assertThat(answers.get(2).found()).isFalse();
        assertThat(answers.get(0).result().accuracy()).as("Wi-Fi's minimum accuracy").isEqualTo(10.0);
        assertThat(answers.get(0).inside()).isTrue();
        assertThat(answers.get(1).inside()).isFalse();
        assertThat(answers.get(3).inside()).isTrue();

        EvaluationResult result = EvaluationResult.of(learning, new EvaluationResult.Lines(8, 0),
                new EvaluationResult.Lines(4, 0), answers, List.of(), 1, 1);
        assertThat(result.overall().queries()).isEqualTo(4);
        assertThat(result.overall().found()).isEqualTo(3);
        assertThat(result.overall().foundPercent()).isEqualTo(75.0);
        assertThat(result.byAnswer().keySet()).containsExactly("wifi", "cell", "none");
        assertThat(result.byAnswer().get("wifi").errorP50()).isCloseTo(MILLIDEGREE / 2, within(0.01));
        assertThat(result.byAnswer().get("none").foundPercent()).isEqualTo(0.0);
        assertThat(result.byAnswer().get("none").errorP50()).isNull();
        assertThat(result.byKind().keySet()).containsExactly("cell", "wifi");
        assertThat(result.byKind().get("wifi").foundPercent()).isCloseTo(66.67, within(0.01));
    }

    @Test
    void figures_are_interpolated_percentiles_of_the_found_answers() {
        TestQuery query = wifiQuery(0, 0, "02:00:00:00:0a:01", "02:00:00:00:0a:02");
        List<Answer> answers = new ArrayList<>();
        // Errors 0, 1, ..., 10 milli-degrees of latitude north of the truth, accuracies 100 m.
        for (int i = 0; i <= 10; i++) {
            answers.add(Answer.of(query, answerAt(i * 0.001, 100)));
        }
        answers.add(Answer.of(query, null));
        Figures f = Figures.of(answers);
        assertThat(f.queries()).isEqualTo(12);
        assertThat(f.found()).isEqualTo(11);
        assertThat(f.foundPercent()).isCloseTo(91.667, within(0.001));
        assertThat(f.errorP50()).isCloseTo(5 * MILLIDEGREE, within(0.01));
        assertThat(f.errorP68()).isCloseTo(6.8 * MILLIDEGREE, within(0.01));
        assertThat(f.errorP90()).isCloseTo(9 * MILLIDEGREE, within(0.01));
        assertThat(f.errorP95()).isCloseTo(9.5 * MILLIDEGREE, within(0.01));
        assertThat(f.insidePercent()).as("0 and 1 mdeg (111 m > 100 m is outside)").isCloseTo(100.0 / 11,
                within(0.001));
        assertThat(f.medianAccuracy()).isEqualTo(100.0);

        Figures none = Figures.of(List.of(Answer.of(query, null)));
        assertThat(none.foundPercent()).isEqualTo(0.0);
        assertThat(none.errorP50()).isNull();
        assertThat(none.insidePercent()).isNull();
        assertThat(Figures.of(List.of()).foundPercent()).isNull();
    }

    @Test
    void answers_are_named_by_the_networks_they_used() {
        assertThat(Answer.answeredBy(null)).isEqualTo("none");
        assertThat(Answer.answeredBy(Result.position(0, 0, 50_000, 1, ResultSource.INTERNAL, "lacf",
                List.of(new UsedNetwork(NetworkType.AREA, "x", true))))).isEqualTo("cellarea");
        assertThat(Answer.answeredBy(Result.position(0, 0, 50, 1, ResultSource.INTERNAL, null,
                List.of(new UsedNetwork(NetworkType.BLUE, "x", true))))).isEqualTo("blue");
        assertThat(Answer.answeredBy(Result.position(0, 0, 5000, 1, ResultSource.GEOIP, "ipf", List.of())))
                .isEqualTo("geoip");
    }

    @Test
    void database_order_is_by_shard_then_mac() {
        InMemoryWifiStationStore store = new InMemoryWifiStationStore();
        List<MacAddress> macs = List.of(MacAddress.of("02:00:f0:00:00:01"), MacAddress.of("02:00:10:00:00:02"),
                MacAddress.of("01:00:f0:00:00:03"), MacAddress.of("02:00:00:00:00:04"));
        for (MacAddress mac : macs) {
            store.saveAll(List.of(new MacStation(mac, StationData.at(LAT, LON, 10, TestClock.NOW))));
        }
        assertThat(LookupOrder.QUERY.wifi(store).findAll(macs)).extracting(MacStation::mac)
                .containsExactlyElementsOf(macs);
        // Shards (the fifth hex digit) 0, 1, f, f; within shard f by MAC.
        assertThat(LookupOrder.DATABASE.wifi(store).findAll(macs)).extracting(m -> m.mac().hex())
                .containsExactly("020000000004", "020010000002", "0100f0000003", "0200f0000001");
    }

    private static Result answerAt(double lat, double accuracy) {
        return Result.position(lat, 0, accuracy, 1, ResultSource.INTERNAL, null,
                List.of(new UsedNetwork(NetworkType.WIFI, "x", true)));
    }

    private static ReportInput.Position position(double lat, double lon) {
        return new ReportInput.Position(lat, lon, 10.0, null, null, null, null, null, null, "gnss");
    }

    private static ReportInput wifiReport(long timestamp, double lat, double lon, String... macs) {
        List<QueryInput.Wifi> wifis = new ArrayList<>();
        for (String mac : macs) {
            wifis.add(new QueryInput.Wifi(mac, null, null, null, -60L, null, null));
        }
        return new ReportInput(timestamp, position(lat, lon), null, List.of(), List.of(), wifis);
    }

    private static TestQuery wifiQuery(double lat, double lon, String... macs) {
        QueryInput.Builder query = QueryInput.builder().considerIp(false);
        for (String mac : macs) {
            query.wifi(mac, -60);
        }
        return new TestQuery(lat, lon, "wifi", Map.of(), query.build());
    }
}
