package org.ichnaea.core.evaluate;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ichnaea.core.apikey.ApiType;
import org.ichnaea.core.datamap.InMemoryDataMapStore;
import org.ichnaea.core.export.ExportConfig;
import org.ichnaea.core.export.ExportSchema;
import org.ichnaea.core.export.InMemoryExportConfigStore;
import org.ichnaea.core.locate.Locator;
import org.ichnaea.core.locate.SearchOutcome;
import org.ichnaea.core.pipeline.CellAreaUpdater;
import org.ichnaea.core.pipeline.InternalExporter;
import org.ichnaea.core.pipeline.Pipeline;
import org.ichnaea.core.pipeline.ReportObservations;
import org.ichnaea.core.pipeline.StationUpdater;
import org.ichnaea.core.queue.InMemoryDataQueue;
import org.ichnaea.core.radio.MobileCountryCodes;
import org.ichnaea.core.region.RegionShapes;
import org.ichnaea.core.station.InMemoryBlueStationStore;
import org.ichnaea.core.station.InMemoryCellAreaStore;
import org.ichnaea.core.station.InMemoryCellStationStore;
import org.ichnaea.core.station.InMemoryWifiStationStore;
import org.ichnaea.core.station.StationData;
import org.ichnaea.core.stats.InMemoryStatCounter;
import org.ichnaea.core.submit.IncomingReport;
import org.ichnaea.core.submit.ReportInput;
import org.ichnaea.core.submit.SubmitService;

/**
 * The service in memory, for accuracy evaluations: submissions go through the {@link SubmitService} into an
 * in-memory {@code update_incoming}, {@link #learn()} drains it through the real {@link Pipeline} (fan-out, then the
 * {@code internal} export in batches, with the {@link InternalExporter}, {@link ReportObservations},
 * {@link StationUpdater} and {@link CellAreaUpdater} the server wires, so cell areas are recomputed within each
 * batch as in {@code process}), and {@link #answer} asks the real {@link Locator} over the learnt stores, as an
 * anonymous {@code /v1/geolocate} request: no GeoIP database and no external fallback.
 *
 * <p>The clock is fixed: everything is learnt and asked at the same instant, so stations are all of the same age
 * (as when a service is filled and asked on the same day).
 */
public final class Evaluator {

    /** The instant an evaluation learns and asks at unless told otherwise. */
    public static final Instant DEFAULT_NOW = Instant.parse("2024-01-01T12:00:00Z");

    private final Clock clock;
    private final InMemoryWifiStationStore wifi = new InMemoryWifiStationStore();
    private final InMemoryBlueStationStore blue = new InMemoryBlueStationStore();
    private final InMemoryCellStationStore cells = new InMemoryCellStationStore();
    private final InMemoryCellAreaStore areas = new InMemoryCellAreaStore();
    private final InMemoryDataQueue<IncomingReport> incoming = new InMemoryDataQueue<>();
    private final SubmitService submit;
    private final Pipeline pipeline;
    private final Locator locator;
    private long queued;
    private long dropped;
    private Pipeline.Result learnt = new Pipeline.Result(0, 0, 0, StationUpdater.emptyCounts());

    /**
     * @param regions the region shapes the server uses ({@code JtsRegionShapes.bundled()}): reports outside every
     *                region and cells outside their MCC's regions are dropped by the pipeline
     * @param batch   reports per batch of the {@code internal} export (the server's default is 1000)
     * @param order   the order in which the engine gets the Wi-Fi and Bluetooth stations it looks up
     * @param algorithm the engine, for learning and answering
     */
    public Evaluator(RegionShapes regions, MobileCountryCodes mccs, Clock clock, int batch, LookupOrder order,
                     org.ichnaea.core.locate.Algorithm algorithm) {
        this.clock = clock;
        submit = new SubmitService(incoming, mccs, () -> 0.0, clock);
        InternalExporter internal = new InternalExporter(new ReportObservations(regions, mccs, algorithm),
                new StationUpdater(regions, clock), wifi, blue, cells,
                new CellAreaUpdater(cells, areas, regions, mccs, clock), new InMemoryDataMapStore(),
                new InMemoryStatCounter(), clock);
        ExportConfig config = new ExportConfig("internal", batch, ExportSchema.INTERNAL, null, Set.of(), Set.of());
        pipeline = new Pipeline(incoming, new InMemoryExportConfigStore(config), name -> new InMemoryDataQueue<>(),
                Map.of(), internal, duration -> { });
        locator = Locator.builder().algorithm(algorithm).wifiStations(order.wifi(wifi)).blueStations(order.blue(blue)).cellStations(cells)
                .cellAreas(areas)
                .regions(regions).mobileCountryCodes(mccs).clock(clock).build();
    }

    /** Submits reports as an anonymous {@code /v2/geosubmit} request does; they wait for {@link #learn()}. */
    public SubmitService.Outcome submit(List<ReportInput> reports) {
        SubmitService.Outcome outcome = submit.submit(reports, null);
        queued += outcome.queued();
        dropped += outcome.dropped();
        return outcome;
    }

    /** Drains everything submitted through the pipeline, as the {@code process} command does. */
    public Pipeline.Result learn() {
        Pipeline.Result result = pipeline.drain();
        Map<org.ichnaea.core.pipeline.StationAction, Integer> actions = StationUpdater.emptyCounts();
        learnt.actions().forEach((action, n) -> actions.merge(action, n, Integer::sum));
        result.actions().forEach((action, n) -> actions.merge(action, n, Integer::sum));
        learnt = new Pipeline.Result(learnt.reports() + result.reports(),
                learnt.droppedReports() + result.droppedReports(), learnt.observations() + result.observations(),
                actions);
        return result;
    }

    /** Asks the engine, as an anonymous {@code /v1/geolocate} request without a client address. */
    public Answer answer(TestQuery query) {
        SearchOutcome outcome = locator.positionSearcher().searchDetailed(
                locator.normalizer().normalize(query.input(), null, ApiType.LOCATE));
        return Answer.of(query, outcome.best().orElse(null));
    }

    /** The engine over the learnt stations. */
    public Locator locator() {
        return locator;
    }

    /** What was learnt so far. */
    public Learning learning() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        long[] usable = new long[3];
        wifi.forEach(s -> usable[0] += usable(s.data(), today));
        blue.forEach(s -> usable[1] += usable(s.data(), today));
        cells.forEach(s -> usable[2] += usable(s.data(), today));
        Map<String, Integer> actions = new java.util.LinkedHashMap<>();
        learnt.actions().forEach((action, n) -> actions.put(action.name().toLowerCase(java.util.Locale.ROOT), n));
        return new Learning(queued, dropped, learnt.reports(), learnt.droppedReports(), learnt.observations(),
                actions, new Stations(wifi.count(), usable[0], blue.count(), usable[1], cells.count(), usable[2],
                areas.count()));
    }

    private static int usable(StationData data, LocalDate today) {
        return data.isUsable(today) ? 1 : 0;
    }

    /**
     * What the pipeline made of the training reports.
     *
     * @param submitted       reports the submit service queued
     * @param droppedAtSubmit reports it dropped, without a usable network
     * @param processed       reports the internal export processed
     * @param droppedReports  of those, reports without a position or outside every region
     * @param observations    station observations applied
     * @param actions         station actions, by name (new, update, confirm, block, ...)
     * @param stations        the stations learnt
     */
    public record Learning(long submitted, long droppedAtSubmit, long processed, long droppedReports,
                           long observations, Map<String, Integer> actions, Stations stations) {
    }

    /** Stations learnt per type, and how many of them the engine may use (positioned and not blocked). */
    public record Stations(long wifi, long wifiUsable, long blue, long blueUsable, long cell, long cellUsable,
                           long cellAreas) {
    }
}
