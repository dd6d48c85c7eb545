package org.ichnaea.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.ichnaea.core.queue.InMemoryDataQueue;
import org.ichnaea.core.radio.CellObservation;
import org.ichnaea.core.radio.MacAddress;
import org.ichnaea.core.radio.MobileCountryCodes;
import org.ichnaea.core.radio.RadioType;
import org.ichnaea.core.radio.WifiObservation;
import org.ichnaea.core.station.InMemoryBlueStationStore;
import org.ichnaea.core.station.InMemoryCellStationStore;
import org.ichnaea.core.station.InMemoryWifiStationStore;
import org.ichnaea.core.station.MacStation;
import org.ichnaea.core.station.StationData;
import org.ichnaea.core.station.StationSource;
import org.ichnaea.core.submit.IncomingReport;
import org.ichnaea.core.submit.Report;
import org.ichnaea.core.submit.ReportPosition;
import org.ichnaea.core.testing.TestClock;
import org.ichnaea.core.testing.TestRegions;
import org.junit.jupiter.api.Test;

/** Every way the internal export leaves something out is counted by reason (docs/algorithms.md §13.6). */
class DropReasonTest {

    private final InMemoryDataQueue<IncomingReport> incoming = new InMemoryDataQueue<>();
    private final InMemoryWifiStationStore wifi = new InMemoryWifiStationStore();
    private final InMemoryCellStationStore cells = new InMemoryCellStationStore();
    private final InternalExporter internal = new InternalExporter(
            new ReportObservations(TestRegions.some(), MobileCountryCodes.bundled()),
            new StationUpdater(TestRegions.some(), TestClock.fixed()), wifi, new InMemoryBlueStationStore(), cells,
            null, null, null, TestClock.fixed());
    private final Pipeline pipeline = Pipeline.internalOnly(incoming, internal);

    private static IncomingReport report(Double lat, Double lon, double accuracy, List<CellObservation> cellObs,
                                         WifiObservation... wifis) {
        ReportPosition p = lat == null ? null : new ReportPosition(lat, lon, accuracy, null, null, null, null, null,
                null, StationSource.GNSS);
        return new IncomingReport(null, StationSource.GNSS, new Report(TestClock.fixed().millis(), p, List.of(),
                cellObs, List.of(wifis), null, null));
    }

    private static WifiObservation wifi(String mac) {
        return new WifiObservation(MacAddress.of(mac), null, null, null, -60, null, null);
    }

    private static CellObservation lte(int mcc, Long cid) {
        return new CellObservation(RadioType.LTE, mcc, 10, 100, cid, null, null, -90, null, null);
    }

    @Test
    void each_reason_is_counted_in_the_result_and_in_the_exporter_totals() {
        MacAddress blocked = MacAddress.of("aa:bb:cc:00:00:99");
        wifi.saveAll(List.of(new MacStation(blocked, StationData.blockedForGood(null, TestClock.fixed().instant()))));
        IncomingReport london = report(51.5, -0.1, 10, List.of(lte(234, 5L),
                        // MCC 262 (DE) seen in London: outside its MCC's regions.
                        lte(262, 6L),
                        // No cell id: an area-only entry.
                        lte(234, null)),
                wifi("aa:bb:cc:00:00:01"), wifi("aa:bb:cc:00:00:02"), wifi("aa:bb:cc:00:00:99"),
                new WifiObservation(MacAddress.of("aa:bb:cc:00:00:03"), null, null, null, -60, null, "cafe_nomap"));
        incoming.enqueue(List.of(
                london,
                london, // the same report twice in one batch
                report(null, null, 10, List.of(), wifi("aa:bb:cc:00:00:04")),
                report(40.0, -40.0, 10, List.of(), wifi("aa:bb:cc:00:00:05")), // at sea
                // Position accuracy 5 km: past every limit (blue 100 m, Wi-Fi 200 m, cell 1 km): weight 0.
                report(51.6, -0.2, 5000, List.of(lte(234, 7L)), wifi("aa:bb:cc:00:00:06"))));

        Pipeline.Result result = pipeline.drain();

        Map<DropReason, Integer> expected = DropReason.emptyCounts();
        expected.putAll(Map.of(DropReason.NO_POSITION, 1, DropReason.OUTSIDE_REGIONS, 1,
                DropReason.DUPLICATE_REPORT, 1, DropReason.OPTED_OUT_WIFI, 1, DropReason.CELL_WITHOUT_ID, 1,
                DropReason.CELL_OUTSIDE_MCC_REGIONS, 1, DropReason.ZERO_WEIGHT, 2, DropReason.BLOCKED_STATION, 1));
        assertThat(result.drops()).isEqualTo(expected);
        assertThat(result.droppedReports()).as("no position, at sea").isEqualTo(2);
        assertThat(result.actions().get(StationAction.DROPPED)).isEqualTo(1);
        assertThat(internal.totals().drops()).isEqualTo(expected);
        assertThat(wifi.count()).as("two new Wi-Fi networks, and the blocked one").isEqualTo(3);
        assertThat(cells.count()).as("only the London cell of MCC 234").isEqualTo(1);
        assertThat(DropReason.describe(result.drops())).isEqualTo("{no_position=1, outside_regions=1, "
                + "duplicate_report=1, opted_out_wifi=1, cell_without_id=1, cell_outside_mcc_regions=1, "
                + "zero_weight=2, blocked_station=1}");

        // The next drain counts only its own batch.
        incoming.enqueue(List.of(report(null, null, 10, List.of(), wifi("aa:bb:cc:00:00:07"))));
        Pipeline.Result next = pipeline.drain();
        assertThat(next.drops().get(DropReason.NO_POSITION)).isEqualTo(1);
        assertThat(next.drops().get(DropReason.ZERO_WEIGHT)).isZero();
        assertThat(internal.totals().drops().get(DropReason.NO_POSITION)).isEqualTo(2);
    }
}
