package org.ichnaea.core.pipeline;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ichnaea.core.geo.BoundingBox;
import org.ichnaea.core.radio.CellAreaId;
import org.ichnaea.core.radio.MobileCountryCodes;
import org.ichnaea.core.region.RegionShapes;
import org.ichnaea.core.station.CellArea;
import org.ichnaea.core.station.CellAreaStore;
import org.ichnaea.core.station.CellStation;
import org.ichnaea.core.station.CellStationStore;
import org.ichnaea.core.station.StationData;

/**
 * Recomputes cell areas from their cells (docs/algorithms.md §13.8): the unweighted mean of the positioned cells,
 * the box around their boxes, the mean cell radius, the count, the latest last-seen and the most frequent region;
 * an area without positioned cells is deleted.
 */
public final class CellAreaUpdater {

    private final CellStationStore cells;
    private final CellAreaStore areas;
    private final RegionShapes regions;
    private final MobileCountryCodes mccs;
    private final Clock clock;

    public CellAreaUpdater(CellStationStore cells, CellAreaStore areas, RegionShapes regions, MobileCountryCodes mccs,
                           Clock clock) {
        this.cells = cells;
        this.areas = areas;
        this.regions = regions;
        this.mccs = mccs;
        this.clock = clock;
    }

    /** Recomputes the given areas; answers how many were saved and how many deleted. */
    public int[] update(Collection<CellAreaId> ids) {
        Instant now = clock.instant();
        Map<CellAreaId, CellArea> existing = new HashMap<>();
        for (CellArea area : areas.findAll(ids)) {
            existing.put(area.id(), area);
        }
        List<CellArea> saved = new ArrayList<>();
        List<CellAreaId> deleted = new ArrayList<>();
        for (CellAreaId id : ids) {
            Optional<CellArea> area = compute(id, cells.findByArea(id), existing.get(id), now);
            if (area.isPresent()) {
                saved.add(area.get());
            } else if (existing.containsKey(id)) {
                deleted.add(id);
            }
        }
        areas.saveAll(saved);
        areas.deleteAll(deleted);
        return new int[] {saved.size(), deleted.size()};
    }

    Optional<CellArea> compute(CellAreaId id, List<CellStation> members, CellArea existing, Instant now) {
        List<StationData> placed = new ArrayList<>();
        for (CellStation cell : members) {
            if (cell.data().hasPosition()) {
                placed.add(cell.data());
            }
        }
        if (placed.isEmpty()) {
            return Optional.empty();
        }
        double lat = 0;
        double lon = 0;
        BoundingBox box = null;
        long radiusSum = 0;
        int radiusCount = 0;
        LocalDate lastSeen = null;
        Map<String, Integer> regionVotes = new HashMap<>();
        for (StationData d : placed) {
            lat += d.lat();
            lon += d.lon();
            BoundingBox own = d.minLat() != null && d.maxLat() != null && d.minLon() != null && d.maxLon() != null
                    ? new BoundingBox(d.minLat(), d.minLon(), d.maxLat(), d.maxLon()) : BoundingBox.of(d.lat(), d.lon());
            box = box == null ? own.extend(d.lat(), d.lon()) : box.union(own).extend(d.lat(), d.lon());
            if (d.radius() != null) {
                radiusSum += d.radius();
                radiusCount++;
            }
            if (d.lastSeen() != null && (lastSeen == null || d.lastSeen().isAfter(lastSeen))) {
                lastSeen = d.lastSeen();
            }
            if (d.region() != null) {
                regionVotes.merge(d.region(), 1, Integer::sum);
            }
        }
        final double centreLat = lat / placed.size();
        final double centreLon = lon / placed.size();
        String region = regionVotes.entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(
                        java.util.Comparator.reverseOrder())))
                .map(Map.Entry::getKey)
                .orElseGet(() -> regionForCell(centreLat, centreLon, id.mcc()));
        Integer avgRadius = radiusCount == 0 ? null : (int) Math.rint((double) radiusSum / radiusCount);
        return Optional.of(new CellArea(id, centreLat, centreLon, box.circleRadius(centreLat, centreLon), region,
                avgRadius, placed.size(),
                existing != null && existing.created() != null ? existing.created() : now, now, lastSeen));
    }

    /** Ichnaea's region_for_cell: the MCC's regions containing the point, else the geocoder's answer. */
    private String regionForCell(double lat, double lon, int mcc) {
        List<String> candidates = mccs.regions(mcc).stream().filter(code -> regions.inRegion(lat, lon, code))
                .toList();
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        return candidates.isEmpty() ? null : regions.region(lat, lon).orElse(null);
    }
}
