package org.ichnaea.core.pipeline;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.ichnaea.core.radio.CellAreaId;
import org.ichnaea.core.radio.CellId;
import org.ichnaea.core.radio.MacAddress;
import org.ichnaea.core.region.RegionShapes;
import org.ichnaea.core.station.CellStation;
import org.ichnaea.core.station.CellStationStore;
import org.ichnaea.core.station.MacStation;
import org.ichnaea.core.station.MacStationStore;
import org.ichnaea.core.station.ReportLedger;

/**
 * Applies a batch of observations to the stores (docs/algorithms.md §13.7): one locked read-modify-write
 * transaction per station type and shard, {@link StationUpdate} per station. Each transaction records the reports
 * it applies in its scope ({@link ReportLedger}) and leaves out the observations of reports an earlier transaction
 * applied, so a batch delivered again (after a crash, docs/reliability.md) counts every observation once. Returns
 * how many stations each action touched and how many observations were applied.
 */
public final class StationUpdater {

    private final RegionShapes regions;
    private final Clock clock;
    private final Executor helpers;
    private final int shardThreads;

    /** An updater that runs the shard transactions of a batch one after the other, on the calling thread. */
    public StationUpdater(RegionShapes regions, Clock clock) {
        this(regions, clock, null, 1);
    }

    /**
     * An updater that runs up to {@code shardThreads} shard transactions of a batch side by side: the calling thread
     * and {@code shardThreads - 1} helpers on {@code helpers} (null, or 1 thread: one after the other on the calling
     * thread). Each shard is its own transaction on its own connection, with its own ledger scope, so they are
     * independent. The caller takes shards too and returns once every shard of the batch has finished; helpers that
     * never start (a runner shutting down) leave their share to it.
     */
    public StationUpdater(RegionShapes regions, Clock clock, Executor helpers, int shardThreads) {
        this.regions = regions;
        this.clock = clock;
        this.helpers = shardThreads > 1 ? helpers : null;
        this.shardThreads = Math.max(1, shardThreads);
    }

    /** Counts of actions. */
    public static Map<StationAction, Integer> emptyCounts() {
        Map<StationAction, Integer> counts = new EnumMap<>(StationAction.class);
        for (StationAction action : StationAction.values()) {
            counts.put(action, 0);
        }
        return counts;
    }

    /** What one transaction committed. */
    private record Committed(Map<StationAction, Integer> actions, int observations, Set<CellAreaId> areas) {
    }

    /**
     * Updates Wi-Fi or Bluetooth stations, one transaction per shard (the fifth hex digit of the MAC), as Ichnaea's
     * per-shard tasks: smaller lock sets, shorter transactions. {@code applied[0]} grows by the observations each
     * committed transaction applied, so it is right even when a later shard fails.
     */
    public void updateMacs(StationKind kind, MacStationStore store, Map<MacAddress, List<StationObservation>> obs,
                           Map<StationAction, Integer> counts, int[] applied) {
        Map<Integer, Map<MacAddress, List<StationObservation>>> shards = new TreeMap<>();
        for (Map.Entry<MacAddress, List<StationObservation>> entry : obs.entrySet()) {
            shards.computeIfAbsent(entry.getKey().shard(), k -> new LinkedHashMap<>())
                    .put(entry.getKey(), entry.getValue());
        }
        int kindCode = kind == StationKind.BLUE ? 1 : 0;
        if (helpers == null || shards.size() < 2) {
            for (Map.Entry<Integer, Map<MacAddress, List<StationObservation>>> shard : shards.entrySet()) {
                applied[0] += merge(counts, updateShard(kind, store, ReportLedger.macScope(kindCode, shard.getKey()),
                        shard.getValue()));
            }
            return;
        }
        SideBySide batch = new SideBySide(kind, store, kindCode, new ArrayList<>(shards.entrySet()));
        for (int i = 1; i < Math.min(shardThreads, shards.size()); i++) {
            try {
                helpers.execute(batch::work);
            } catch (RuntimeException | Error e) {
                // Rejected, or no thread could be started: the caller takes this helper's share.
                break;
            }
        }
        batch.work();
        if (batch.awaitFinished()) {
            // Interrupted while the helpers finished: kept for the caller, which clears it around its own I/O
            // (InternalExporter) and stops after this batch (Pipeline.export).
            Thread.currentThread().interrupt();
        }
        Throwable failure = null;
        for (Object outcome : batch.outcomes) {
            if (outcome instanceof Throwable error) {
                if (failure == null) {
                    failure = error;
                } else if (error != failure) {
                    failure.addSuppressed(error);
                }
            } else {
                @SuppressWarnings("unchecked")
                List<Committed> committed = (List<Committed>) outcome;
                applied[0] += merge(counts, committed);
            }
        }
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
    }

    /**
     * The shards of one batch, handed out one at a time to whichever thread asks (the caller and the helpers). A
     * shard once taken always finishes, with its commit or its exception in {@link #outcomes}; a helper that never
     * runs takes nothing, so the caller waits only for shards that were taken, and every shard is taken before the
     * caller's own {@link #work} returns.
     */
    private final class SideBySide {
        private final StationKind kind;
        private final MacStationStore store;
        private final int kindCode;
        private final List<Map.Entry<Integer, Map<MacAddress, List<StationObservation>>>> shards;
        private final Object[] outcomes;
        private final AtomicInteger next = new AtomicInteger();
        private final CountDownLatch finished;

        SideBySide(StationKind kind, MacStationStore store, int kindCode,
                   List<Map.Entry<Integer, Map<MacAddress, List<StationObservation>>>> shards) {
            this.kind = kind;
            this.store = store;
            this.kindCode = kindCode;
            this.shards = shards;
            this.outcomes = new Object[shards.size()];
            this.finished = new CountDownLatch(shards.size());
        }

        void work() {
            for (int i = next.getAndIncrement(); i < shards.size(); i = next.getAndIncrement()) {
                try {
                    Map.Entry<Integer, Map<MacAddress, List<StationObservation>>> shard = shards.get(i);
                    outcomes[i] = updateShard(kind, store, ReportLedger.macScope(kindCode, shard.getKey()),
                            shard.getValue());
                } catch (Throwable e) {
                    outcomes[i] = e;
                } finally {
                    finished.countDown();
                }
            }
        }

        /**
         * Waits until every shard has finished (all are taken once the caller's {@link #work} returned). An interrupt
         * does not cut the wait short (a batch must not come back while its transactions run, and they end within
         * the database's timeouts); answers whether there was one, with the flag cleared.
         */
        boolean awaitFinished() {
            boolean interrupted = false;
            while (true) {
                try {
                    finished.await();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            return interrupted;
        }
    }

    private static Set<Long> reports(Map<?, List<StationObservation>> obs) {
        Set<Long> ids = new HashSet<>();
        for (List<StationObservation> list : obs.values()) {
            for (StationObservation o : list) {
                ids.add(o.report());
            }
        }
        return ids;
    }

    /** The observations of reports not applied before; all of them when none was. */
    private static List<StationObservation> fresh(List<StationObservation> all, Set<Long> applied) {
        if (applied.isEmpty()) {
            return all;
        }
        List<StationObservation> fresh = new ArrayList<>(all.size());
        for (StationObservation o : all) {
            if (!applied.contains(o.report())) {
                fresh.add(o);
            }
        }
        return fresh;
    }

    /** One shard's transaction; answers what it committed (nothing when there was nothing to do). */
    private List<Committed> updateShard(StationKind kind, MacStationStore store, int scope,
                                        Map<MacAddress, List<StationObservation>> obs) {
        if (obs.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        List<Committed> committed = new ArrayList<>(1);
        store.update(obs.keySet(), new ReportLedger(scope, reports(obs)), (locked, applied) -> {
            Map<StationAction, Integer> local = emptyCounts();
            List<MacStation> changed = new ArrayList<>();
            int used = 0;
            for (Map.Entry<MacAddress, List<StationObservation>> entry : obs.entrySet()) {
                List<StationObservation> fresh = fresh(entry.getValue(), applied);
                if (fresh.isEmpty()) {
                    continue;
                }
                used += fresh.size();
                MacStation existing = locked.get(entry.getKey());
                StationUpdate.Outcome outcome = StationUpdate.apply(kind, existing == null ? null : existing.data(),
                        fresh, now, regions);
                local.merge(outcome.action(), 1, Integer::sum);
                if (outcome.action().writes()) {
                    changed.add(new MacStation(entry.getKey(), outcome.station()));
                }
            }
            // The transaction may be retried: count only the last run, the one that commits.
            committed.clear();
            committed.add(new Committed(local, used, Set.of()));
            return changed;
        });
        return committed;
    }

    /**
     * Updates cells in one transaction; answers the areas to recompute: those of every cell whose action was not a
     * confirmation (docs/algorithms.md §13.7), and those of cells whose observations an earlier delivery applied (the
     * crash that caused the redelivery may have come before their areas were recomputed). {@code applied} receives the
     * observations applied.
     */
    public Set<CellAreaId> updateCells(CellStationStore store, Map<CellId, List<StationObservation>> obs,
                                       Map<CellId, Integer> psc, Map<StationAction, Integer> counts,
                                       int[] applied) {
        Set<CellAreaId> areas = new LinkedHashSet<>();
        if (obs.isEmpty()) {
            return areas;
        }
        Instant now = clock.instant();
        List<Committed> committed = new ArrayList<>(1);
        store.update(obs.keySet(), new ReportLedger(ReportLedger.CELLS, reports(obs)), (locked, done) -> {
            Set<CellAreaId> touched = new LinkedHashSet<>();
            Map<StationAction, Integer> local = emptyCounts();
            List<CellStation> changed = new ArrayList<>();
            int used = 0;
            for (Map.Entry<CellId, List<StationObservation>> entry : obs.entrySet()) {
                List<StationObservation> fresh = fresh(entry.getValue(), done);
                if (fresh.size() < entry.getValue().size()) {
                    touched.add(entry.getKey().area());
                }
                if (fresh.isEmpty()) {
                    continue;
                }
                used += fresh.size();
                CellStation existing = locked.get(entry.getKey());
                StationUpdate.Outcome outcome = StationUpdate.apply(StationKind.CELL,
                        existing == null ? null : existing.data(), fresh, now, regions);
                local.merge(outcome.action(), 1, Integer::sum);
                if (outcome.action().writes() && outcome.action() != StationAction.CONFIRM) {
                    touched.add(entry.getKey().area());
                }
                if (outcome.action().writes()) {
                    Integer newPsc = psc.get(entry.getKey());
                    changed.add(new CellStation(entry.getKey(), newPsc != null ? newPsc
                            : existing == null ? null : existing.psc(), outcome.station(),
                            profile(outcome.action(), existing, fresh)));
                }
            }
            committed.clear();
            committed.add(new Committed(local, used, touched));
            return changed;
        });
        applied[0] += merge(counts, committed);
        if (!committed.isEmpty()) {
            areas.addAll(committed.get(0).areas());
        }
        return areas;
    }

    /**
     * The cell's signal profile after an action: GNSS observations added to it; started afresh when the cell is new
     * or replaced (it moved), dropped when it is blocked. Observations whose position came from a query are left
     * out: they are this service's own answers.
     */
    static org.ichnaea.core.station.CellProfile profile(StationAction action, CellStation existing,
                                                         List<StationObservation> fresh) {
        org.ichnaea.core.station.CellProfile base = switch (action) {
            case NEW, REPLACE, NEW_BLOCK, BLOCK -> org.ichnaea.core.station.CellProfile.empty();
            default -> existing == null ? org.ichnaea.core.station.CellProfile.empty() : existing.profile();
        };
        if (action == StationAction.BLOCK || action == StationAction.NEW_BLOCK) {
            return base;
        }
        List<org.ichnaea.core.station.CellProfile.Heard> heard = new ArrayList<>(fresh.size());
        for (StationObservation o : fresh) {
            if (!o.isQuery() && (o.signal() != null || o.ta() != null)) {
                heard.add(new org.ichnaea.core.station.CellProfile.Heard(o.lat(), o.lon(), o.signal(), o.ta()));
            }
        }
        return heard.isEmpty() ? base : base.with(heard);
    }

    /** Updates cells without reporting the observations applied. */
    public Set<CellAreaId> updateCells(CellStationStore store, Map<CellId, List<StationObservation>> obs,
                                       Map<CellId, Integer> psc, Map<StationAction, Integer> counts) {
        return updateCells(store, obs, psc, counts, new int[1]);
    }

    private static int merge(Map<StationAction, Integer> counts, List<Committed> committed) {
        if (committed.isEmpty()) {
            return 0;
        }
        committed.get(0).actions().forEach((action, n) -> counts.merge(action, n, Integer::sum));
        return committed.get(0).observations();
    }
}
