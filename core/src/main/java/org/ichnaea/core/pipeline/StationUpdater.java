package org.ichnaea.core.pipeline;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.ichnaea.core.radio.CellId;
import org.ichnaea.core.radio.MacAddress;
import org.ichnaea.core.region.RegionShapes;
import org.ichnaea.core.station.CellStation;
import org.ichnaea.core.station.CellStationStore;
import org.ichnaea.core.station.MacStation;
import org.ichnaea.core.station.MacStationStore;

/**
 * Applies a batch of observations to the stores (ichnaea-behaviour.md §5.5): one locked read-modify-write
 * transaction per station type, {@link StationUpdate} per station. Returns how many stations each action touched.
 */
public final class StationUpdater {

    private final RegionShapes regions;
    private final Clock clock;

    public StationUpdater(RegionShapes regions, Clock clock) {
        this.regions = regions;
        this.clock = clock;
    }

    /** Counts of actions. */
    public static Map<StationAction, Integer> emptyCounts() {
        Map<StationAction, Integer> counts = new EnumMap<>(StationAction.class);
        for (StationAction action : StationAction.values()) {
            counts.put(action, 0);
        }
        return counts;
    }

    /**
     * Updates Wi-Fi or Bluetooth stations, one transaction per shard (the fifth hex digit of the MAC), as Ichnaea's
     * per-shard tasks: smaller lock sets, shorter transactions.
     */
    public void updateMacs(StationKind kind, MacStationStore store, Map<MacAddress, List<StationObservation>> obs,
                           Map<StationAction, Integer> counts) {
        Map<Integer, Map<MacAddress, List<StationObservation>>> shards = new java.util.TreeMap<>();
        for (Map.Entry<MacAddress, List<StationObservation>> entry : obs.entrySet()) {
            shards.computeIfAbsent(entry.getKey().shard(), k -> new java.util.LinkedHashMap<>())
                    .put(entry.getKey(), entry.getValue());
        }
        for (Map<MacAddress, List<StationObservation>> shard : shards.values()) {
            updateShard(kind, store, shard, counts);
        }
    }

    private void updateShard(StationKind kind, MacStationStore store, Map<MacAddress, List<StationObservation>> obs,
                             Map<StationAction, Integer> counts) {
        if (obs.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        List<Map<StationAction, Integer>> committed = new ArrayList<>(1);
        store.update(obs.keySet(), locked -> {
            Map<StationAction, Integer> local = emptyCounts();
            List<MacStation> changed = new ArrayList<>();
            for (Map.Entry<MacAddress, List<StationObservation>> entry : obs.entrySet()) {
                MacStation existing = locked.get(entry.getKey());
                StationUpdate.Outcome outcome = StationUpdate.apply(kind, existing == null ? null : existing.data(),
                        entry.getValue(), now, regions);
                local.merge(outcome.action(), 1, Integer::sum);
                if (outcome.action().writes()) {
                    changed.add(new MacStation(entry.getKey(), outcome.station()));
                }
            }
            // The transaction may be retried: count only the last run, the one that commits.
            committed.clear();
            committed.add(local);
            return changed;
        });
        merge(counts, committed);
    }

    /** Updates cells; answers the areas of every cell whose action was not a confirmation (§5.5). */
    public java.util.Set<org.ichnaea.core.radio.CellAreaId> updateCells(CellStationStore store,
            Map<CellId, List<StationObservation>> obs, Map<CellId, Integer> psc, Map<StationAction, Integer> counts) {
        java.util.Set<org.ichnaea.core.radio.CellAreaId> areas = new java.util.LinkedHashSet<>();
        if (obs.isEmpty()) {
            return areas;
        }
        Instant now = clock.instant();
        List<Map<StationAction, Integer>> committed = new ArrayList<>(1);
        java.util.Set<org.ichnaea.core.radio.CellAreaId> touched = new java.util.LinkedHashSet<>();
        store.update(obs.keySet(), locked -> {
            touched.clear();
            Map<StationAction, Integer> local = emptyCounts();
            List<CellStation> changed = new ArrayList<>();
            for (Map.Entry<CellId, List<StationObservation>> entry : obs.entrySet()) {
                CellStation existing = locked.get(entry.getKey());
                StationUpdate.Outcome outcome = StationUpdate.apply(StationKind.CELL,
                        existing == null ? null : existing.data(), entry.getValue(), now, regions);
                local.merge(outcome.action(), 1, Integer::sum);
                if (outcome.action().writes() && outcome.action() != StationAction.CONFIRM) {
                    touched.add(entry.getKey().area());
                }
                if (outcome.action().writes()) {
                    Integer newPsc = psc.get(entry.getKey());
                    changed.add(new CellStation(entry.getKey(), newPsc != null ? newPsc
                            : existing == null ? null : existing.psc(), outcome.station()));
                }
            }
            committed.clear();
            committed.add(local);
            return changed;
        });
        merge(counts, committed);
        areas.addAll(touched);
        return areas;
    }

    private static void merge(Map<StationAction, Integer> counts, List<Map<StationAction, Integer>> committed) {
        if (!committed.isEmpty()) {
            committed.get(0).forEach((action, n) -> counts.merge(action, n, Integer::sum));
        }
    }
}
