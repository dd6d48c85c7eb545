package org.ichnaea.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.ichnaea.core.locate.Locator;
import org.ichnaea.core.locate.Position;
import org.ichnaea.core.locate.QueryInput;
import org.ichnaea.core.queue.InMemoryDataQueue;
import org.ichnaea.core.radio.MobileCountryCodes;
import org.ichnaea.core.station.InMemoryBlueStationStore;
import org.ichnaea.core.station.InMemoryCellStationStore;
import org.ichnaea.core.station.InMemoryWifiStationStore;
import org.ichnaea.core.submit.IncomingReport;
import org.ichnaea.core.submit.ReportInput;
import org.ichnaea.core.submit.SubmitService;
import org.ichnaea.core.testing.TestClock;
import org.ichnaea.core.testing.TestRegions;
import org.junit.jupiter.api.Test;

/** Submissions flow through the queue into stations that the locate engine then finds. */
class PipelineTest {

    private final InMemoryDataQueue<IncomingReport> incoming = new InMemoryDataQueue<>();
    private final InMemoryWifiStationStore wifi = new InMemoryWifiStationStore();
    private final InMemoryBlueStationStore blue = new InMemoryBlueStationStore();
    private final InMemoryCellStationStore cells = new InMemoryCellStationStore();
    private final org.ichnaea.core.station.InMemoryCellAreaStore areas =
            new org.ichnaea.core.station.InMemoryCellAreaStore();
    private final SubmitService submit = new SubmitService(incoming, MobileCountryCodes.bundled(), () -> 0.0,
            TestClock.fixed());
    private final org.ichnaea.core.datamap.InMemoryDataMapStore datamap =
            new org.ichnaea.core.datamap.InMemoryDataMapStore();
    private final org.ichnaea.core.stats.InMemoryStatCounter stats = new org.ichnaea.core.stats.InMemoryStatCounter();
    private final Pipeline pipeline = Pipeline.internalOnly(incoming, internal(wifi));

    private InternalExporter internal(org.ichnaea.core.station.WifiStationStore wifiStore) {
        return new InternalExporter(new ReportObservations(TestRegions.some(), MobileCountryCodes.bundled()),
                new StationUpdater(TestRegions.some(), TestClock.fixed()), wifiStore, blue, cells,
                new CellAreaUpdater(cells, areas, TestRegions.some(), MobileCountryCodes.bundled(),
                        TestClock.fixed()), datamap, stats, TestClock.fixed());
    }

    private static ReportInput report(double lat, double lon, String... macs) {
        List<QueryInput.Wifi> wifis = java.util.Arrays.stream(macs)
                .map(m -> new QueryInput.Wifi(m, null, null, null, -60L, null, null)).toList();
        return new ReportInput(null, new ReportInput.Position(lat, lon, 10.0, null, null, null, null, null, null,
                "gnss"), null, List.of(), List.of(new QueryInput.Cell("lte", 234L, 10L, 100L, 5L, null, null, -90L,
                null, null)), wifis);
    }

    @Test
    void submitted_networks_become_stations_that_locate() {
        submit.submit(List.of(report(51.5, -0.1, "aa:bb:cc:00:00:01", "aa:bb:cc:00:00:02"),
                report(51.5002, -0.1002, "aa:bb:cc:00:00:01", "aa:bb:cc:00:00:02"),
                report(40.0, -40.0, "aa:bb:cc:00:00:09")), null);

        Pipeline.Result result = pipeline.drain();

        assertThat(result.reports()).isEqualTo(3);
        assertThat(result.droppedReports()).as("at sea").isEqualTo(1);
        assertThat(result.actions().get(StationAction.NEW)).isEqualTo(3);
        assertThat(wifi.count()).isEqualTo(2);
        assertThat(cells.count()).isEqualTo(1);
        assertThat(areas.count()).as("the new cell's area is computed").isEqualTo(1);
        var today = org.ichnaea.core.testing.TestClock.TODAY;
        assertThat(stats.get(org.ichnaea.core.stats.StatKey.WIFI, today)).as("observations").isEqualTo(4);
        assertThat(stats.get(org.ichnaea.core.stats.StatKey.UNIQUE_WIFI, today)).as("new stations").isEqualTo(2);
        assertThat(stats.get(org.ichnaea.core.stats.StatKey.CELL, today)).isEqualTo(2);
        assertThat(stats.get(org.ichnaea.core.stats.StatKey.UNIQUE_CELL, today)).isEqualTo(1);
        assertThat(datamap.count()).as("both London reports fall in one 0.001 degree cell").isEqualTo(1);
        assertThat(incoming.size()).isZero();

        Locator locator = Locator.builder().wifiStations(wifi).cellStations(cells).clock(TestClock.fixed()).build();
        Position p = locator.locate(QueryInput.builder().wifi("aa:bb:cc:00:00:01", -60).wifi("aa:bb:cc:00:00:02", -60)
                .build()).orElseThrow();
        assertThat(p.lat()).isBetween(51.5, 51.5002);
        assertThat(locator.locate(QueryInput.builder().cell("lte", 234, 10, 100, 5, -90).build())).isPresent();
    }

    @Test
    void a_second_batch_changes_the_stations_and_a_moved_network_is_blocked() {
        submit.submit(List.of(report(51.5, -0.1, "aa:bb:cc:00:00:01", "aa:bb:cc:00:00:02")), null);
        pipeline.drain();
        submit.submit(List.of(report(51.5001, -0.1, "aa:bb:cc:00:00:01"), report(48.85, 2.35, "aa:bb:cc:00:00:02")),
                null);
        Pipeline.Result second = pipeline.drain();
        assertThat(second.actions().get(StationAction.CHANGE)).isEqualTo(2);
        assertThat(second.actions().get(StationAction.BLOCK)).isEqualTo(1);
        assertThat(wifi.findAll(List.of(org.ichnaea.core.radio.MacAddress.of("aa:bb:cc:00:00:02"))))
                .singleElement().satisfies(s -> assertThat(s.data().hasPosition()).isFalse());
    }

    @Test
    void a_failing_store_puts_the_batch_back() {
        submit.submit(List.of(report(51.5, -0.1, "aa:bb:cc:00:00:01")), null);
        Pipeline broken = Pipeline.internalOnly(incoming, internal(
                new org.ichnaea.core.testing.UnavailableWifiStationStore()));
        org.assertj.core.api.Assertions.assertThatThrownBy(broken::drain)
                .isInstanceOf(org.ichnaea.core.StoreUnavailableException.class);
        assertThat(incoming.size()).isZero();
        assertThat(broken.queue(org.ichnaea.core.export.ExportConfig.defaultInternal()).size())
                .as("the batch went back to the internal export queue").isEqualTo(1);
    }

    private long samples(String mac) {
        return wifi.findAll(List.of(org.ichnaea.core.radio.MacAddress.of(mac))).get(0).data().samples();
    }

    @Test
    void a_report_delivered_again_counts_once() {
        submit.submit(List.of(report(51.5, -0.1, "aa:bb:cc:00:00:01", "aa:bb:cc:00:10:02"),
                report(51.5001, -0.1, "aa:bb:cc:00:00:01")), null);
        var export = pipeline.queue(org.ichnaea.core.export.ExportConfig.defaultInternal());
        pipeline.fanOut();
        List<IncomingReport> batch = List.copyOf(export.claim(10).items());
        // The claim above is never acknowledged, as if its worker died: put the very same reports back and drain.
        export.enqueue(batch);
        pipeline.drain();
        var today = org.ichnaea.core.testing.TestClock.TODAY;
        long wifiObservations = stats.get(org.ichnaea.core.stats.StatKey.WIFI, today);
        long cellObservations = stats.get(org.ichnaea.core.stats.StatKey.CELL, today);
        assertThat(samples("aa:bb:cc:00:00:01")).isEqualTo(2);
        assertThat(wifiObservations).isEqualTo(3);

        export.enqueue(batch); // the abandoned claim is recovered later: the same reports a second time
        Pipeline.Result again = pipeline.drain();

        assertThat(again.reports()).isEqualTo(2);
        assertThat(samples("aa:bb:cc:00:00:01")).as("applied once").isEqualTo(2);
        assertThat(samples("aa:bb:cc:00:10:02")).isEqualTo(1);
        assertThat(cells.findAll(List.of(new org.ichnaea.core.radio.CellId(org.ichnaea.core.radio.RadioType.LTE,
                234, 10, 100, 5L))).get(0).data().samples()).isEqualTo(2);
        assertThat(stats.get(org.ichnaea.core.stats.StatKey.WIFI, today)).isEqualTo(wifiObservations);
        assertThat(stats.get(org.ichnaea.core.stats.StatKey.CELL, today)).isEqualTo(cellObservations);
    }

    @Test
    void a_batch_that_failed_half_way_is_applied_exactly_once_when_it_comes_back() {
        // Two shards (fifth hex digit 0 and 1): the store commits the first, then fails once on the second.
        FailingOnce failing = new FailingOnce(2);
        Pipeline pipe = Pipeline.internalOnly(incoming, internal(failing));
        submit.submit(List.of(report(51.5, -0.1, "aa:bb:0c:00:00:01", "aa:bb:1c:00:00:02"),
                report(51.5001, -0.1, "aa:bb:0c:00:00:01", "aa:bb:1c:00:00:02")), null);

        org.assertj.core.api.Assertions.assertThatThrownBy(pipe::drain)
                .isInstanceOf(org.ichnaea.core.StoreUnavailableException.class);
        assertThat(failing.findAll(List.of(org.ichnaea.core.radio.MacAddress.of("aa:bb:0c:00:00:01"))))
                .as("the first shard committed").singleElement()
                .satisfies(st -> assertThat(st.data().samples()).isEqualTo(2));
        pipe.drain();

        for (String mac : List.of("aa:bb:0c:00:00:01", "aa:bb:1c:00:00:02")) {
            assertThat(failing.findAll(List.of(org.ichnaea.core.radio.MacAddress.of(mac))).get(0).data().samples())
                    .as(mac).isEqualTo(2);
        }
        assertThat(stats.get(org.ichnaea.core.stats.StatKey.WIFI, org.ichnaea.core.testing.TestClock.TODAY))
                .as("observations counted once").isEqualTo(4);
    }

    /** The in-memory Wi-Fi store, but its {@code n}th update fails (after the earlier ones committed). */
    private static final class FailingOnce extends org.ichnaea.core.station.ForwardingMacStationStore
            implements org.ichnaea.core.station.WifiStationStore {
        private final int failAt;
        private int updates;

        FailingOnce(int failAt) {
            super(new InMemoryWifiStationStore());
            this.failAt = failAt;
        }

        @Override
        public synchronized void update(java.util.Collection<org.ichnaea.core.radio.MacAddress> macs,
                org.ichnaea.core.station.ReportLedger ledger,
                java.util.function.BiFunction<java.util.Map<org.ichnaea.core.radio.MacAddress,
                        org.ichnaea.core.station.MacStation>, java.util.Set<Long>,
                        java.util.Collection<org.ichnaea.core.station.MacStation>> change) {
            if (++updates == failAt) {
                throw new org.ichnaea.core.StoreUnavailableException("down between two shards");
            }
            super.update(macs, ledger, change);
        }
    }

    @Test
    void an_interrupt_stops_the_drain_after_the_batch_at_hand_which_is_applied_and_acknowledged() {
        // Batches of one report; the store is interrupted during the first batch, as the scheduler's shutdown would.
        org.ichnaea.core.export.ExportConfig config = new org.ichnaea.core.export.ExportConfig("internal", 1,
                org.ichnaea.core.export.ExportSchema.INTERNAL, null, null, null);
        java.util.Map<String, InMemoryDataQueue<IncomingReport>> queues = new java.util.HashMap<>();
        var interrupting = new org.ichnaea.core.station.ForwardingMacStationStore(new InMemoryWifiStationStore()) {
            @Override
            public void update(java.util.Collection<org.ichnaea.core.radio.MacAddress> macs,
                    org.ichnaea.core.station.ReportLedger ledger,
                    java.util.function.BiFunction<java.util.Map<org.ichnaea.core.radio.MacAddress,
                            org.ichnaea.core.station.MacStation>, java.util.Set<Long>,
                            java.util.Collection<org.ichnaea.core.station.MacStation>> change) {
                super.update(macs, ledger, change);
                Thread.currentThread().interrupt();
            }
        };
        class Wifi extends org.ichnaea.core.station.ForwardingMacStationStore
                implements org.ichnaea.core.station.WifiStationStore {
            Wifi() {
                super(interrupting);
            }
        }
        Wifi store = new Wifi();
        Pipeline pipe = new Pipeline(incoming, new org.ichnaea.core.export.InMemoryExportConfigStore(config),
                name -> queues.computeIfAbsent(name, n -> new InMemoryDataQueue<>()), java.util.Map.of(),
                internal(store), duration -> { });
        submit.submit(List.of(report(51.5, -0.1, "aa:bb:cc:00:00:01"), report(51.6, -0.1, "aa:bb:cc:00:00:02"),
                report(51.7, -0.1, "aa:bb:cc:00:00:03")), null);

        pipe.drain();

        assertThat(Thread.interrupted()).as("the interrupt is kept for the caller").isTrue();
        assertThat(store.count()).as("the batch at hand was applied, no other").isEqualTo(1);
        assertThat(pipe.queue(config).size()).as("the rest stays queued").isEqualTo(2);

        pipe.drain();
        Thread.interrupted();
        pipe.drain();
        Thread.interrupted();

        assertThat(store.count()).isEqualTo(3);
        assertThat(pipe.queue(config).size()).isZero();
        assertThat(stats.get(org.ichnaea.core.stats.StatKey.WIFI, org.ichnaea.core.testing.TestClock.TODAY))
                .as("each report applied once: the interrupted batch was acknowledged").isEqualTo(3);
    }

    @Test
    void two_copies_of_a_report_in_one_batch_count_once() {
        submit.submit(List.of(report(51.5, -0.1, "aa:bb:cc:00:00:01", "aa:bb:cc:00:10:02")), null);
        var export = pipeline.queue(org.ichnaea.core.export.ExportConfig.defaultInternal());
        pipeline.fanOut();
        List<IncomingReport> one = export.dequeue(10);
        export.enqueue(one);
        export.enqueue(one);
        pipeline.drain();
        assertThat(samples("aa:bb:cc:00:00:01")).isEqualTo(1);
        assertThat(stats.get(org.ichnaea.core.stats.StatKey.WIFI, org.ichnaea.core.testing.TestClock.TODAY))
                .isEqualTo(2);
    }
}
