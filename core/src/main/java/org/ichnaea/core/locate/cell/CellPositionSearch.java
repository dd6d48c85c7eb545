package org.ichnaea.core.locate.cell;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * Cell and cell-area position search (docs/algorithms.md §6). Each area's found cells form one result; when no
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
        return fromAreas(found, now, today, false);
    }

    /**
     * Results from found areas, tagged {@code lacf}: the area centre; its radius clamped to 50–500 km (Ichnaea), or
     * refined: the area's radius plus its cells' average radius, at least {@code AREA_MIN}, which holds the true
     * position about as often as the other answers do instead of always.
     */
    public static List<Result> fromAreas(List<CellArea> found, Instant now, LocalDate today, boolean refined) {
        List<Result> results = new ArrayList<>(found.size());
        for (CellArea area : found) {
            boolean seenToday = area.lastSeen() != null && !area.lastSeen().isBefore(today);
            double accuracy = refined
                    ? clamp(Tuning.AREA_FACTOR * (area.radius() + (area.avgCellRadius() == null ? 0 : area.avgCellRadius())), Tuning.AREA_MIN,
                            AREA_MAX_ACCURACY)
                    : clamp(area.radius(), AREA_MIN_ACCURACY, AREA_MAX_ACCURACY);
            results.add(Result.position(area.lat(), area.lon(), accuracy, StationScore.of(area, now),
                    ResultSource.INTERNAL, "lacf", List.of(new UsedNetwork(NetworkType.AREA, area.id(), seenToday))));
        }
        return results;
    }

    /**
     * The refined cell results (docs/algorithms.md §14.4): per area, the found cells' positions
     * weighted by score and by the received power the query reports; the accuracy from the cells' learnt radii
     * (scaled to what holds the true position about 95 % of the time) rather than a 1 km floor.
     */
    public static List<Result> refinedFromCells(List<CellStation> found, Map<CellId, CellObservation> queried,
                                                Instant now, LocalDate today) {
        Map<CellAreaId, List<CellStation>> byArea = new LinkedHashMap<>();
        for (CellStation cell : found) {
            byArea.computeIfAbsent(cell.id().area(), k -> new ArrayList<>()).add(cell);
        }
        List<Result> results = new ArrayList<>(byArea.size());
        for (List<CellStation> group : byArea.values()) {
            List<UsedNetwork> used = new ArrayList<>(group.size());
            double lat = 0;
            double lon = 0;
            double weights = 0;
            double score = 0;
            for (CellStation cell : group) {
                used.add(new UsedNetwork(NetworkType.CELL, cell.id(), cell.data().isSeenOn(today)));
                CellObservation obs = queried.get(cell.id());
                double cellScore = StationScore.of(cell.data(), now);
                double w = Math.max(cellScore, 1e-6) * power(cell.id().radio(), obs == null ? null : obs.signal());
                double[] at = heardAt(cell, obs);
                lat += w * at[0];
                lon += w * at[1];
                weights += w;
                score += cellScore;
            }
            lat /= weights;
            lon /= weights;
            double accuracy = 0;
            for (CellStation cell : group) {
                double d = Geodesy.localDistance(lat, lon, cell.data().lat(), cell.data().lon());
                accuracy = Math.max(accuracy, d + cellAccuracy(cell));
            }
            results.add(Result.position(lat, lon, clamp(accuracy, Tuning.CELL_MIN, CELL_MAX_ACCURACY), score,
                    ResultSource.INTERNAL, null, used));
        }
        return results;
    }

    /** Where the query heard the cell: from its signal profile when that can say, else the cell's position. */
    private static double[] heardAt(CellStation cell, CellObservation obs) {
        if (obs != null && Tuning.PROFILES) {
            java.util.Optional<double[]> at = cell.profile().locate(obs.signal(), obs.ta());
            if (at.isPresent()) {
                return at.get();
            }
        }
        return new double[] {cell.data().lat(), cell.data().lon()};
    }

    /** A cell's own accuracy: a share of its learnt radius (the farthest observation), at least a floor. */
    private static double cellAccuracy(CellStation cell) {
        double radius = cell.data().radius() == null ? 0 : cell.data().radius();
        return Math.max(Tuning.CELL_FLOOR, Tuning.CELL_RADIUS * radius);
    }

    private static double power(org.ichnaea.core.radio.RadioType radio, Integer signal) {
        if (signal == null) {
            return 1;
        }
        double median = switch (radio) {
            case GSM -> -95;
            case WCDMA -> -100;
            default -> -105;
        };
        return Math.pow(10, (signal - median) / 10.0 * Tuning.CELL_LOCATE_POWER);
    }

    /**
     * For a query cell nobody has located yet, its siblings: the known cells of the same site (same area,
     * {@link CellId#siteCids}), averaged by score; tagged {@code sibling}. Accuracy: the farthest sibling plus its own
     * accuracy, and at least {@code SIBLING_MIN}.
     */
    public static Optional<Result> fromSiblings(CellId unknown, List<CellStation> siblings, Instant now,
                                                LocalDate today) {
        long[] site = unknown.siteCids();
        List<CellStation> same = new ArrayList<>();
        for (CellStation cell : siblings) {
            if (cell.id().area().equals(unknown.area()) && cell.id().cid() >= site[0] && cell.id().cid() <= site[1]
                    && !cell.id().equals(unknown)) {
                same.add(cell);
            }
        }
        if (same.isEmpty()) {
            return Optional.empty();
        }
        double lat = 0;
        double lon = 0;
        double weights = 0;
        double score = 0;
        List<UsedNetwork> used = new ArrayList<>(same.size());
        for (CellStation cell : same) {
            double w = Math.max(StationScore.of(cell.data(), now), 1e-6);
            lat += w * cell.data().lat();
            lon += w * cell.data().lon();
            weights += w;
            score += StationScore.of(cell.data(), now);
            used.add(new UsedNetwork(NetworkType.CELL, cell.id(), cell.data().isSeenOn(today)));
        }
        lat /= weights;
        lon /= weights;
        double accuracy = 0;
        for (CellStation cell : same) {
            double d = Geodesy.localDistance(lat, lon, cell.data().lat(), cell.data().lon());
            accuracy = Math.max(accuracy, d + cellAccuracy(cell) * Tuning.SIBLING_FACTOR);
        }
        return Optional.of(Result.position(lat, lon, clamp(accuracy, Tuning.SIBLING_MIN, CELL_MAX_ACCURACY),
                score * Tuning.SIBLING_SCORE, ResultSource.INTERNAL, "sibling", used));
    }

    /**
     * The refined cell constants, chosen on splits of the training data (docs/accuracy.md). A cell answer's accuracy
     * is the distance to the farthest cell used plus that cell's learnt radius, at least {@code CELL_FLOOR}; an
     * answer from siblings is coarse (a site's other sectors point elsewhere: median error 2 km on Cork's training
     * split) and says so with at least {@code SIBLING_MIN}; an area answer gives its radius plus its cells' average
     * radius, at least {@code AREA_MIN}. Cells of one area are weighted by score and by received power relative to
     * the radio's median, to the power {@code CELL_LOCATE_POWER} (no data set has such queries yet).
     */
    static final class Tuning {
        static final double CELL_MIN = 100;
        static final double CELL_FLOOR = 150;
        static final double CELL_RADIUS = 1.0;
        static final double CELL_LOCATE_POWER = 0.5;
        static final double SIBLING_MIN = 5000;
        static final double SIBLING_FACTOR = 2;
        static final double SIBLING_SCORE = 0.5;
        static final double AREA_MIN = 2000;
        static final double AREA_FACTOR = 1.0;
        static final boolean PROFILES = true;

        private Tuning() {
        }
    }

    private static double clamp(double value, double min, double max) {
        return Math.min(Math.max(value, min), max);
    }
}
