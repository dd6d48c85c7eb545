package org.ichnaea.core.locate.cell;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ichnaea.core.geo.Geodesy;
import org.ichnaea.core.geo.Percentile;
import org.ichnaea.core.locate.NetworkType;
import org.ichnaea.core.locate.Result;
import org.ichnaea.core.locate.ResultSource;
import org.ichnaea.core.locate.UsedNetwork;
import org.ichnaea.core.radio.CellAreaId;
import org.ichnaea.core.radio.CellId;
import org.ichnaea.core.radio.CellObservation;
import org.ichnaea.core.station.CellArea;
import org.ichnaea.core.station.CellStation;
import org.ichnaea.core.station.StationScore;

/**
 * Cell and cell-area position search (ichnaea-behaviour.md §3.6). Each area's found cells form one result; when no
 * cell is found, each found area is a result tagged {@code lacf}.
 */
public final class CellPositionSearch {

    public static final double CELL_MIN_ACCURACY = 1_000;
    public static final double CELL_MAX_ACCURACY = 50_000;
    public static final double AREA_MIN_ACCURACY = 50_000;
    public static final double AREA_MAX_ACCURACY = 500_000;

    private CellPositionSearch() {
    }

    /**
     * Results from the found, usable cells: one per area. {@code queried} gives the query's signal and age per cell.
     */
    public static List<Result> fromCells(List<CellStation> found, Map<CellId, CellObservation> queried,
                                         Instant now, LocalDate today) {
        Map<CellAreaId, List<CellStation>> byArea = new LinkedHashMap<>();
        for (CellStation cell : found) {
            byArea.computeIfAbsent(cell.id().area(), k -> new ArrayList<>()).add(cell);
        }
        List<Result> results = new ArrayList<>(byArea.size());
        for (List<CellStation> group : byArea.values()) {
            List<UsedNetwork> used = new ArrayList<>(group.size());
            for (CellStation cell : group) {
                used.add(new UsedNetwork(NetworkType.CELL, cell.id(), cell.data().isSeenOn(today)));
            }
            if (group.size() == 1) {
                CellStation cell = group.get(0);
                double radius = cell.data().radius() == null ? 0 : cell.data().radius();
                results.add(Result.position(cell.data().lat(), cell.data().lon(), clamp(radius, CELL_MIN_ACCURACY,
                        CELL_MAX_ACCURACY), StationScore.of(cell.data(), now), ResultSource.INTERNAL, null, used));
                continue;
            }
            double lat = 0;
            double lon = 0;
            double weights = 0;
            double score = 0;
            for (CellStation cell : group) {
                CellObservation obs = queried.get(cell.id());
                double cellScore = StationScore.of(cell.data(), now);
                int signal = obs != null && obs.signal() != null ? obs.signal() : cell.id().radio().minSignal();
                double age = Math.max(Math.abs(obs != null && obs.age() != null ? obs.age() : 0), 1000);
                double w = cellScore * Math.min(Math.sqrt(2000.0 / age), 1.0) / ((double) signal * signal);
                lat += w * cell.data().lat();
                lon += w * cell.data().lon();
                weights += w;
                score += cellScore;
            }
            if (weights > 0) {
                lat /= weights;
                lon /= weights;
            } else {
                lat = group.stream().mapToDouble(c -> c.data().lat()).average().orElseThrow();
                lon = group.stream().mapToDouble(c -> c.data().lon()).average().orElseThrow();
            }
            double[] distances = new double[group.size()];
            for (int i = 0; i < distances.length; i++) {
                CellStation cell = group.get(i);
                distances[i] = Geodesy.localDistance(lat, lon, cell.data().lat(), cell.data().lon());
            }
            double accuracy = clamp(Percentile.of(distances, 95), CELL_MIN_ACCURACY, CELL_MAX_ACCURACY);
            results.add(Result.position(lat, lon, accuracy, score, ResultSource.INTERNAL, null, used));
        }
        return results;
    }

    /** Results from found areas: the area centre, its radius clamped to 50–500 km, tagged {@code lacf}. */
    public static List<Result> fromAreas(List<CellArea> found, Instant now, LocalDate today) {
        List<Result> results = new ArrayList<>(found.size());
        for (CellArea area : found) {
            boolean seenToday = area.lastSeen() != null && !area.lastSeen().isBefore(today);
            results.add(Result.position(area.lat(), area.lon(),
                    clamp(area.radius(), AREA_MIN_ACCURACY, AREA_MAX_ACCURACY), StationScore.of(area, now),
                    ResultSource.INTERNAL, "lacf", List.of(new UsedNetwork(NetworkType.AREA, area.id(), seenToday))));
        }
        return results;
    }

    private static double clamp(double value, double min, double max) {
        return Math.min(Math.max(value, min), max);
    }
}
