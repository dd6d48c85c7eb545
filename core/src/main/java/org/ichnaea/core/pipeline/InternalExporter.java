package org.ichnaea.core.pipeline;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import org.ichnaea.core.Uninterrupted;
import org.ichnaea.core.datamap.DataMapStore;
import org.ichnaea.core.export.ExportConfig;
import org.ichnaea.core.export.ReportExporter;
import org.ichnaea.core.radio.CellAreaId;
import org.ichnaea.core.station.BlueStationStore;
import org.ichnaea.core.station.CellStationStore;
import org.ichnaea.core.station.WifiStationStore;
import org.ichnaea.core.stats.StatCounter;
import org.ichnaea.core.stats.StatKey;
import org.ichnaea.core.submit.IncomingReport;

/**
 * The {@code internal} export schema (docs/algorithms.md §13.2): reports become weighted observations
 * ({@link ReportObservations}), observations update the stations in one locked transaction per shard and type
 * ({@link StationUpdater}), changed cells recompute their areas ({@link CellAreaUpdater}), the reports' grid cells
 * go to the coverage map, and the daily counters count observations and new stations. Ichnaea passed observations
 * through per-shard queues first; here a batch goes straight to its shard transactions, which several workers may
 * run at once (row locks and deadlock retries keep them consistent).
 */
public final class InternalExporter implements ReportExporter {

    private final ReportObservations transform;
    private final StationUpdater updater;
    private final WifiStationStore wifi;
    private final BlueStationStore blue;
    private final CellStationStore cells;
    private final CellAreaUpdater areas;
    private final DataMapStore datamap;
    private final StatCounter stats;
    private final Clock clock;
    private final LongAdder reports = new LongAdder();
    private final LongAdder droppedReports = new LongAdder();
    private final LongAdder observations = new LongAdder();
    private final Map<StationAction, LongAdder> actions = new java.util.EnumMap<>(StationAction.class);
    private final Map<DropReason, LongAdder> drops = new java.util.EnumMap<>(DropReason.class);

    /**
     * @param areas   recomputes the areas of changed cells; null to leave areas alone
     * @param datamap the coverage grid; null to keep no map
     * @param stats   the daily counters; null to count nothing
     */
    public InternalExporter(ReportObservations transform, StationUpdater updater, WifiStationStore wifi,
                            BlueStationStore blue, CellStationStore cells, CellAreaUpdater areas, DataMapStore datamap,
                            StatCounter stats, Clock clock) {
        this.transform = transform;
        this.updater = updater;
        this.wifi = wifi;
        this.blue = blue;
        this.cells = cells;
        this.areas = areas;
        this.datamap = datamap;
        this.stats = stats;
        this.clock = clock;
        for (StationAction action : StationAction.values()) {
            actions.put(action, new LongAdder());
        }
        for (DropReason reason : DropReason.values()) {
            drops.put(reason, new LongAdder());
        }
    }

    @Override
    public void export(ExportConfig config, List<IncomingReport> batch) {
        process(batch);
    }

    /** Applies a batch; answers what it did. */
    public Pipeline.Result process(List<IncomingReport> batch) {
        ReportObservations.Batch obs = transform.transform(batch);
        Map<StationAction, Integer> wifiActions = StationUpdater.emptyCounts();
        Map<StationAction, Integer> blueActions = StationUpdater.emptyCounts();
        Map<StationAction, Integer> cellActions = StationUpdater.emptyCounts();
        int[] wifiApplied = new int[1];
        int[] blueApplied = new int[1];
        int[] cellApplied = new int[1];
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        // Each step runs with the interrupt flag cleared (an interrupt that comes meanwhile, or one the station
        // updater kept while its shard transactions finished, must not close H2's file under the next step); the
        // flag is set again after it, and the pipeline stops after this batch.
        try {
            Uninterrupted.run(() -> updater.updateMacs(StationKind.WIFI, wifi, obs.wifi(), wifiActions, wifiApplied));
            Uninterrupted.run(() -> updater.updateMacs(StationKind.BLUE, blue, obs.blue(), blueActions, blueApplied));
            Set<CellAreaId> changedAreas = Uninterrupted.get(() -> updater.updateCells(cells, obs.cell(), obs.psc(),
                    cellActions, cellApplied));
            if (areas != null && !changedAreas.isEmpty()) {
                Uninterrupted.run(() -> areas.update(changedAreas));
            }
            if (datamap != null && !obs.grid().isEmpty()) {
                Uninterrupted.run(() -> datamap.update(obs.grid(), today));
            }
        } finally {
            // What committed counts, even when a later step failed: the batch comes back, and the ledger keeps
            // its applied part from counting again.
            if (stats != null) {
                count(StatKey.WIFI, StatKey.UNIQUE_WIFI, wifiApplied[0], wifiActions, today);
                count(StatKey.BLUE, StatKey.UNIQUE_BLUE, blueApplied[0], blueActions, today);
                count(StatKey.CELL, StatKey.UNIQUE_CELL, cellApplied[0], cellActions, today);
            }
        }
        Map<StationAction, Integer> all = StationUpdater.emptyCounts();
        for (Map<StationAction, Integer> kind : List.of(wifiActions, blueActions, cellActions)) {
            kind.forEach((action, n) -> all.merge(action, n, Integer::sum));
        }
        reports.add(batch.size());
        droppedReports.add(obs.droppedReports());
        observations.add(obs.observations());
        all.forEach((action, n) -> actions.get(action).add(n));
        Map<DropReason, Integer> dropped = new java.util.EnumMap<>(obs.drops());
        dropped.put(DropReason.BLOCKED_STATION, all.get(StationAction.DROPPED));
        dropped.forEach((reason, n) -> drops.get(reason).add(n));
        return new Pipeline.Result(batch.size(), obs.droppedReports(), obs.observations(), all, dropped);
    }

    /**
     * docs/algorithms.md §13.7: every observation of the type applied counts (those of a report delivered again do not
     * count again), new and newly blocked stations count as unique.
     */
    private void count(StatKey observed, StatKey unique, long n, Map<StationAction, Integer> done, LocalDate today) {
        stats.incr(observed, today, n);
        stats.incr(unique, today, done.get(StationAction.NEW) + done.get(StationAction.NEW_BLOCK));
    }

    /** Everything this exporter applied since it was built. */
    public Pipeline.Result totals() {
        Map<StationAction, Integer> counts = StationUpdater.emptyCounts();
        actions.forEach((action, n) -> counts.put(action, n.intValue()));
        Map<DropReason, Integer> dropped = DropReason.emptyCounts();
        drops.forEach((reason, n) -> dropped.put(reason, n.intValue()));
        return new Pipeline.Result(reports.intValue(), droppedReports.intValue(), observations.intValue(), counts,
                dropped);
    }
}
