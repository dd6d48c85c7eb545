package org.ichnaea.core.locate.wifi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresBuilder;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresProblem;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.ichnaea.core.geo.Geodesy;
import org.ichnaea.core.geo.Percentile;

/**
 * Wi-Fi and Bluetooth position search (docs/algorithms.md §5): complete-linkage clustering of the found
 * networks, then per cluster a weighted mean refined by Levenberg–Marquardt least squares, with the 95th percentile
 * of distances as accuracy.
 *
 * <p>The least-squares step reproduces {@code scipy.optimize.leastsq}: MINPACK's LM (Hipparchus's port) with
 * ftol = xtol = 1.49012e−8, gtol = 0, at most 600 evaluations, initial step bound factor 100, and a forward-difference
 * Jacobian with relative step √ε as in MINPACK's {@code fdjac2}.
 */
public final class MacClusterer {

    /** scipy's default ftol and xtol. */
    static final double TOLERANCE = 1.49012e-8;
    static final int MAX_EVALUATIONS = 600;
    private static final double JACOBIAN_STEP = Math.sqrt(Math.ulp(1.0));

    private final MacKind kind;
    private final org.ichnaea.core.locate.Algorithm algorithm;

    /** Ichnaea's search (the compatibility tests' engine). */
    public MacClusterer(MacKind kind) {
        this(kind, org.ichnaea.core.locate.Algorithm.ICHNAEA);
    }

    public MacClusterer(MacKind kind, org.ichnaea.core.locate.Algorithm algorithm) {
        this.kind = kind;
        this.algorithm = algorithm;
    }

    /**
     * Positions of every cluster of at least two networks. Fewer than two networks give nothing: one real and one
     * invented MAC must not reveal where the real one is.
     */
    public List<MacCluster> locate(List<MacNetwork> networks) {
        List<MacCluster> out = new ArrayList<>();
        for (List<MacNetwork> cluster : cluster(networks)) {
            out.add(aggregate(cluster));
        }
        return out;
    }

    /** Complete-linkage clusters of at least two members, cut at the kind's maximum cluster distance. */
    List<List<MacNetwork>> cluster(List<MacNetwork> networks) {
        int n = networks.size();
        if (n < 2) {
            return List.of();
        }
        double limit = kind.maxClusterDistance();
        if (n == 2) {
            MacNetwork a = networks.get(0);
            MacNetwork b = networks.get(1);
            return Geodesy.localDistance(a.lat(), a.lon(), b.lat(), b.lon()) <= limit ? List.of(networks) : List.of();
        }
        double[][] d = new double[n][n];
        double diameter = 0;
        for (int i = 0; i < n; i++) {
            MacNetwork a = networks.get(i);
            for (int j = i + 1; j < n; j++) {
                MacNetwork b = networks.get(j);
                d[i][j] = Geodesy.localDistance(a.lat(), a.lon(), b.lat(), b.lon());
                d[j][i] = d[i][j];
                diameter = Math.max(diameter, d[i][j]);
            }
        }
        if (diameter <= limit) {
            // Every merge height of complete linkage is at most the largest pairwise distance: one cluster.
            return List.of(networks);
        }
        List<List<Integer>> members = new ArrayList<>(n);
        boolean[] active = new boolean[n];
        for (int i = 0; i < n; i++) {
            List<Integer> m = new ArrayList<>();
            m.add(i);
            members.add(m);
            active[i] = true;
        }
        while (true) {
            int bi = -1;
            int bj = -1;
            double best = Double.POSITIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                if (!active[i]) {
                    continue;
                }
                for (int j = i + 1; j < n; j++) {
                    if (active[j] && d[i][j] < best) {
                        best = d[i][j];
                        bi = i;
                        bj = j;
                    }
                }
            }
            if (bi < 0 || best > limit) {
                break;
            }
            // Complete linkage: the distance between clusters is the largest distance between their members.
            for (int k = 0; k < n; k++) {
                if (active[k] && k != bi && k != bj) {
                    double merged = Math.max(d[bi][k], d[bj][k]);
                    d[bi][k] = merged;
                    d[k][bi] = merged;
                }
            }
            members.get(bi).addAll(members.get(bj));
            active[bj] = false;
        }
        List<List<MacNetwork>> clusters = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (active[i] && members.get(i).size() >= 2) {
                List<MacNetwork> cluster = new ArrayList<>(members.get(i).size());
                for (int index : members.get(i)) {
                    cluster.add(networks.get(index));
                }
                clusters.add(cluster);
            }
        }
        return clusters;
    }

    /**
     * The position of one cluster. The sample is the highest-scoring {@code maxNetworks} members (Ichnaea kept the
     * lowest-scoring ones, docs/decisions/001-fixed-ichnaea-quirks.md fix 1); the score is the sum over all members.
     */
    MacCluster aggregate(List<MacNetwork> cluster) {
        if (algorithm == org.ichnaea.core.locate.Algorithm.REFINED) {
            return refined(cluster);
        }
        List<MacNetwork> sample = new ArrayList<>(cluster);
        sample.sort(Comparator.comparingDouble(MacNetwork::score).reversed());
        if (sample.size() > kind.maxNetworks()) {
            sample = new ArrayList<>(sample.subList(0, kind.maxNetworks()));
        }
        double[] estimate = fit(sample);
        double[] distances = new double[sample.size()];
        for (int i = 0; i < distances.length; i++) {
            MacNetwork net = sample.get(i);
            distances[i] = Geodesy.localDistance(estimate[0], estimate[1], net.lat(), net.lon());
        }
        double accuracy = Math.min(Math.max(Percentile.of(distances, 95), kind.minAccuracy()), kind.maxAccuracy());
        double score = 0;
        for (MacNetwork net : cluster) {
            score += net.score();
        }
        return new MacCluster(estimate[0], estimate[1], accuracy, score, List.copyOf(sample));
    }

    /**
     * The refined position of a cluster (docs/algorithms.md §14.2): the strongest
     * networks heard, each weighted by its received power relative to the strongest, averaged; the accuracy from
     * the weighted spread of those networks around the answer.
     */
    MacCluster refined(List<MacNetwork> cluster) {
        List<MacNetwork> sample = new ArrayList<>(cluster);
        sample.sort(Comparator.comparingInt(MacNetwork::signal).reversed()
                .thenComparing(Comparator.comparingDouble(MacNetwork::score).reversed()));
        int keep = kind == MacKind.WIFI ? Tuning.WIFI_SAMPLE : Tuning.BLUE_SAMPLE;
        if (sample.size() > keep) {
            sample = new ArrayList<>(sample.subList(0, keep));
        }
        double exponent = kind == MacKind.WIFI ? Tuning.WIFI_POWER : Tuning.BLUE_POWER;
        int strongest = sample.get(0).signal();
        double lat = 0;
        double lon = 0;
        double total = 0;
        double[] weights = new double[sample.size()];
        for (int i = 0; i < weights.length; i++) {
            MacNetwork net = sample.get(i);
            weights[i] = Math.pow(10, (net.signal() - strongest) / 10.0 * exponent) * net.ageWeight();
            lat += weights[i] * net.lat();
            lon += weights[i] * net.lon();
            total += weights[i];
        }
        lat /= total;
        lon /= total;
        double spread = 0;
        for (int i = 0; i < weights.length; i++) {
            MacNetwork net = sample.get(i);
            double d = Geodesy.localDistance(lat, lon, net.lat(), net.lon());
            spread += weights[i] * d * d;
        }
        spread = Math.sqrt(spread / total);
        double floor = kind == MacKind.WIFI ? Tuning.WIFI_FLOOR : Tuning.BLUE_FLOOR;
        double factor = kind == MacKind.WIFI ? Tuning.WIFI_SPREAD : Tuning.BLUE_SPREAD;
        double accuracy = Math.min(Math.max(floor + factor * spread, kind.minAccuracy()), kind.maxAccuracy());
        double score = 0;
        for (MacNetwork net : cluster) {
            score += net.score();
        }
        return new MacCluster(lat, lon, accuracy, score, List.copyOf(sample));
    }

    /**
     * The refined search's constants, chosen on a split of the training data only (docs/accuracy.md): how many of
     * the strongest networks are averaged, the exponent of their relative received power, and the accuracy as a
     * floor plus a multiple of their weighted spread. Bluetooth has no data set yet and takes Wi-Fi's values.
     */
    static final class Tuning {
        static final int WIFI_SAMPLE = 8;
        static final int BLUE_SAMPLE = 8;
        static final double WIFI_POWER = 0.5;
        static final double BLUE_POWER = 0.5;
        static final double WIFI_FLOOR = 5;
        static final double BLUE_FLOOR = 5;
        static final double WIFI_SPREAD = 1.5;
        static final double BLUE_SPREAD = 1.5;

        private Tuning() {
        }
    }

    /** Weighted-mean start, refined by least squares; the start is kept if the solver fails. */
    static double[] fit(List<MacNetwork> sample) {
        double[] initial = weightedMean(sample);
        int n = sample.size();
        double[] lats = new double[n];
        double[] lons = new double[n];
        double[] factors = new double[n];
        for (int i = 0; i < n; i++) {
            MacNetwork net = sample.get(i);
            lats[i] = net.lat();
            lons[i] = net.lon();
            factors[i] = net.ageWeight() / ((double) net.signal() * net.signal());
        }
        ResidualModel model = new ResidualModel(lats, lons, factors);
        LeastSquaresProblem problem = new LeastSquaresBuilder()
                .start(initial)
                .model(model::value, model::jacobian)
                .lazyEvaluation(true)
                .target(new double[n])
                .maxEvaluations(Integer.MAX_VALUE)
                .maxIterations(Integer.MAX_VALUE)
                .build();
        LevenbergMarquardtOptimizer optimizer = new LevenbergMarquardtOptimizer()
                .withCostRelativeTolerance(TOLERANCE)
                .withParameterRelativeTolerance(TOLERANCE)
                .withOrthoTolerance(0.0);
        try {
            LeastSquaresOptimizer.Optimum optimum = optimizer.optimize(problem);
            double[] p = optimum.getPoint().toArray();
            if (Double.isFinite(p[0]) && Double.isFinite(p[1])) {
                return p;
            }
        } catch (MathIllegalStateException | ArithmeticException | TooManyEvaluations e) {
            // No convergence within MINPACK's limits: keep the weighted mean, as Ichnaea does.
        }
        return initial;
    }

    /** The start of the fit: the mean of the positions weighted by score × age weight / signal². */
    static double[] weightedMean(List<MacNetwork> sample) {
        double lat = 0;
        double lon = 0;
        double total = 0;
        for (MacNetwork net : sample) {
            double w = net.score() * net.ageWeight() / ((double) net.signal() * net.signal());
            lat += w * net.lat();
            lon += w * net.lon();
            total += w;
        }
        if (total <= 0) {
            for (MacNetwork net : sample) {
                lat += net.lat();
                lon += net.lon();
            }
            return new double[] {lat / sample.size(), lon / sample.size()};
        }
        return new double[] {lat / total, lon / total};
    }

    /** Thrown when the residuals were evaluated more often than MINPACK's {@code maxfev} allows. */
    private static final class TooManyEvaluations extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooManyEvaluations() {
            super(null, null, false, false);
        }
    }

    /**
     * Residuals r_i(p) = distance(network_i, p) × age weight / signal² and their forward-difference Jacobian, counting
     * residual passes as MINPACK's {@code lmdif} counts function evaluations (one per point, one more per parameter
     * for the Jacobian, reusing the residuals of the point).
     */
    private static final class ResidualModel {
        private final double[] lats;
        private final double[] lons;
        private final double[] factors;
        private final double[] cosHalf;
        private final double[] sinHalf;
        private double[] lastPoint;
        private double[] lastResiduals;
        private int passes;

        ResidualModel(double[] lats, double[] lons, double[] factors) {
            this.lats = lats;
            this.lons = lons;
            this.factors = factors;
            this.cosHalf = new double[lats.length];
            this.sinHalf = new double[lats.length];
            for (int i = 0; i < lats.length; i++) {
                cosHalf[i] = Math.cos(Math.toRadians(lats[i]) * 0.5);
                sinHalf[i] = Math.sin(Math.toRadians(lats[i]) * 0.5);
            }
        }

        double[] value(double[] x) {
            // Hipparchus asks a lazy evaluation for residuals and cost separately: one pass per point, as MINPACK.
            if (lastPoint != null && java.util.Arrays.equals(lastPoint, x)) {
                return lastResiduals.clone();
            }
            double[] r = residuals(x[0], x[1]);
            lastPoint = x.clone();
            lastResiduals = r;
            return r.clone();
        }

        double[][] jacobian(double[] x) {
            double[] f = lastPoint != null && java.util.Arrays.equals(lastPoint, x) ? lastResiduals
                    : residuals(x[0], x[1]);
            double[][] jacobian = new double[f.length][2];
            for (int j = 0; j < 2; j++) {
                double h = JACOBIAN_STEP * Math.abs(x[j]);
                if (h == 0.0) {
                    h = JACOBIAN_STEP;
                }
                double[] fh = j == 0 ? residuals(x[0] + h, x[1]) : residuals(x[0], x[1] + h);
                for (int i = 0; i < f.length; i++) {
                    jacobian[i][j] = (fh[i] - f[i]) / h;
                }
            }
            return jacobian;
        }

        private double[] residuals(double lat, double lon) {
            if (++passes > MAX_EVALUATIONS) {
                throw new TooManyEvaluations();
            }
            // cos((lat_i + lat) / 2) by the angle-addition rule, so a pass costs two trigonometric calls, not n.
            double cp = Math.cos(Math.toRadians(lat) * 0.5);
            double sp = Math.sin(Math.toRadians(lat) * 0.5);
            double[] r = new double[lats.length];
            for (int i = 0; i < r.length; i++) {
                double dLat = lat - lats[i];
                double dLon = lon - lons[i];
                double distance = Math.abs(dLat) <= Geodesy.LOCAL_SPAN_DEGREES
                        && Math.abs(dLon) <= Geodesy.LOCAL_SPAN_DEGREES
                        ? Geodesy.planeDistance(dLat, dLon, cosHalf[i] * cp - sinHalf[i] * sp)
                        : Geodesy.distance(lats[i], lons[i], lat, lon);
                r[i] = distance * factors[i];
            }
            return r;
        }
    }
}
