package org.ichnaea.core.pipeline;

import java.util.List;
import java.util.Map;
import org.ichnaea.core.queue.DataQueue;
import org.ichnaea.core.station.BlueStationStore;
import org.ichnaea.core.station.CellStationStore;
import org.ichnaea.core.station.WifiStationStore;
import org.ichnaea.core.submit.IncomingReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the {@code update_incoming} queue into the station tables: reports become weighted observations
 * ({@link ReportObservations}), observations update stations ({@link StationUpdater}). A batch is taken off the
 * queue only as it is processed; if an update fails the batch is put back at the tail, so nothing accepted is lost
 * (duplicates are tolerated, ichnaea-behaviour.md §7). Export fan-out, cell areas, the data map and statistics come
 * with the pipeline issue.
 */
public final class Pipeline {

    /** Reports per batch, as Ichnaea's {@code update_incoming} task. */
    public static final int BATCH = 5000;
    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

    private final DataQueue<IncomingReport> incoming;
    private final ReportObservations transform;
    private final StationUpdater updater;
    private final WifiStationStore wifi;
    private final BlueStationStore blue;
    private final CellStationStore cells;
    private final CellAreaUpdater areas;

    /**
     * @param areas recomputes the areas of changed cells after each batch (§5.6); null to leave areas alone
     */
    public Pipeline(DataQueue<IncomingReport> incoming, ReportObservations transform, StationUpdater updater,
                    WifiStationStore wifi, BlueStationStore blue, CellStationStore cells, CellAreaUpdater areas) {
        this.incoming = incoming;
        this.transform = transform;
        this.updater = updater;
        this.wifi = wifi;
        this.blue = blue;
        this.cells = cells;
        this.areas = areas;
    }

    /** What a drain did. */
    public record Result(int reports, int droppedReports, int observations, Map<StationAction, Integer> actions) {
    }

    /** Processes every report waiting now. */
    public Result drain() {
        int reports = 0;
        int dropped = 0;
        int observations = 0;
        Map<StationAction, Integer> actions = StationUpdater.emptyCounts();
        while (true) {
            List<IncomingReport> batch = incoming.dequeue(BATCH);
            if (batch.isEmpty()) {
                break;
            }
            try {
                ReportObservations.Batch obs = transform.transform(batch);
                updater.updateMacs(StationKind.WIFI, wifi, obs.wifi(), actions);
                updater.updateMacs(StationKind.BLUE, blue, obs.blue(), actions);
                java.util.Set<org.ichnaea.core.radio.CellAreaId> changedAreas = updater.updateCells(cells, obs.cell(),
                        obs.psc(), actions);
                if (areas != null && !changedAreas.isEmpty()) {
                    areas.update(changedAreas);
                }
                reports += batch.size();
                dropped += obs.droppedReports();
                observations += obs.observations();
            } catch (RuntimeException e) {
                incoming.enqueue(batch);
                LOG.warn("processing {} reports failed, requeued them: {}", batch.size(), e.toString());
                throw e;
            }
        }
        if (reports > 0) {
            LOG.info("processed {} reports ({} dropped), {} observations: {}", reports, dropped, observations,
                    actions);
        }
        return new Result(reports, dropped, observations, actions);
    }
}
