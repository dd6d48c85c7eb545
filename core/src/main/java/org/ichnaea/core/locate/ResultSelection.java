package org.ichnaea.core.locate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ichnaea.core.geo.Geodesy;

/**
 * Choosing among candidate results (docs/algorithms.md §3): the best position cluster, the best result in it,
 * whether the results "satisfy" a query, and the best region.
 */
public final class ResultSelection {

    /** Total score a cluster needs before the external fallback is skipped. */
    public static final double SATISFYING_SCORE = 1.0;

    private ResultSelection() {
    }

    /**
     * The best cluster of position results: results sorted by accuracy, each anchoring a cluster of itself and every
     * later result within 1.5× the larger of the two accuracies; the cluster with the highest total score wins, then
     * the one with the highest single score, then the earlier anchor.
     */
    public static List<Result> bestCluster(List<Result> results) {
        if (results.size() <= 1) {
            return List.copyOf(results);
        }
        List<Result> sorted = new ArrayList<>(results);
        sorted.sort(Comparator.comparingDouble(Result::accuracy));
        List<Result> best = null;
        double bestTotal = Double.NEGATIVE_INFINITY;
        double bestMax = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < sorted.size(); i++) {
            Result anchor = sorted.get(i);
            List<Result> cluster = new ArrayList<>();
            cluster.add(anchor);
            double total = anchor.score();
            double max = anchor.score();
            for (int j = i + 1; j < sorted.size(); j++) {
                Result other = sorted.get(j);
                double limit = Math.max(1.5 * anchor.accuracy(), 1.5 * other.accuracy());
                if (Geodesy.distance(anchor.lat(), anchor.lon(), other.lat(), other.lon()) <= limit) {
                    cluster.add(other);
                    total += other.score();
                    max = Math.max(max, other.score());
                }
            }
            if (total > bestTotal || (total == bestTotal && max > bestMax)) {
                best = cluster;
                bestTotal = total;
                bestMax = max;
            }
        }
        return best;
    }

    /** The best position: in the best cluster, the most accurate result, ties broken by the higher score. */
    public static Optional<Result> best(List<Result> results) {
        List<Result> cluster = bestCluster(results);
        Result best = null;
        for (Result r : cluster) {
            if (best == null || r.accuracy() < best.accuracy()
                    || (r.accuracy() == best.accuracy() && r.score() > best.score())) {
                best = r;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * Whether position results are good enough to skip the external fallback: the best cluster scores at least 1.0
     * in total and its best accuracy class is at least as good as the query expects.
     */
    public static boolean satisfies(List<Result> results, DataAccuracy expected) {
        List<Result> cluster = bestCluster(results);
        if (cluster.isEmpty()) {
            return false;
        }
        double total = 0;
        DataAccuracy bestClass = DataAccuracy.NONE;
        for (Result r : cluster) {
            total += r.score();
            bestClass = DataAccuracy.better(bestClass, r.accuracyClass());
        }
        return total >= SATISFYING_SCORE && bestClass.compareTo(expected) <= 0;
    }

    /**
     * The best region: results grouped by region code; the group with the highest total score wins, ties broken by
     * the larger region radius; within it the result from the most preferred source, then the higher score.
     */
    public static Optional<Result> bestRegion(List<Result> results) {
        Map<String, List<Result>> groups = new LinkedHashMap<>();
        for (Result r : results) {
            if (r.regionCode() != null) {
                groups.computeIfAbsent(r.regionCode(), k -> new ArrayList<>()).add(r);
            }
        }
        List<Result> bestGroup = null;
        double bestTotal = Double.NEGATIVE_INFINITY;
        double bestRadius = Double.NEGATIVE_INFINITY;
        for (List<Result> group : groups.values()) {
            double total = group.stream().mapToDouble(Result::score).sum();
            double radius = group.stream().mapToDouble(Result::accuracy).max().orElse(0);
            if (total > bestTotal || (total == bestTotal && radius > bestRadius)) {
                bestGroup = group;
                bestTotal = total;
                bestRadius = radius;
            }
        }
        if (bestGroup == null) {
            return Optional.empty();
        }
        return bestGroup.stream().min(Comparator.comparing(Result::source)
                .thenComparing(Comparator.comparingDouble(Result::score).reversed()));
    }
}
