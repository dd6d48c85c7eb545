package org.ichnaea.core.geo;

/**
 * Distances on the WGS-84 ellipsoid (docs/algorithms.md §12).
 *
 * <p>{@link #distance} is Vincenty's inverse formula with a convergence limit of 1e-11 radians and at most 25
 * iterations; where it does not converge (nearly antipodal points) it falls back to the haversine formula on a sphere
 * of radius 6,371.009 km. Results are in metres.
 */
public final class Geodesy {

    /** Web Mercator latitude limit used for every position and bounding box. */
    public static final double MAX_LAT = 85.051;
    public static final double MIN_LAT = -85.051;
    public static final double MAX_LON = 180.0;
    public static final double MIN_LON = -180.0;

    private static final double A = 6_378_137.0;
    private static final double B = 6_356_752.314245;
    private static final double F = 1 / 298.257223563;
    private static final double HAVERSINE_RADIUS_METERS = 6_371_009.0;
    private static final double CONVERGENCE = 1e-11;
    private static final int MAX_ITERATIONS = 25;

    private Geodesy() {
    }

    /** Distance in metres between two points given in degrees. */
    public static double distance(double lat1, double lon1, double lat2, double lon2) {
        if (lat1 == lat2 && lon1 == lon2) {
            return 0.0;
        }
        double l = Math.toRadians(lon2 - lon1);
        double u1 = Math.atan((1 - F) * Math.tan(Math.toRadians(lat1)));
        double u2 = Math.atan((1 - F) * Math.tan(Math.toRadians(lat2)));
        double sinU1 = Math.sin(u1);
        double cosU1 = Math.cos(u1);
        double sinU2 = Math.sin(u2);
        double cosU2 = Math.cos(u2);

        double lambda = l;
        for (int i = 0; i < MAX_ITERATIONS; i++) {
            double sinLambda = Math.sin(lambda);
            double cosLambda = Math.cos(lambda);
            double x = cosU2 * sinLambda;
            double y = cosU1 * sinU2 - sinU1 * cosU2 * cosLambda;
            double sinSigma = Math.sqrt(x * x + y * y);
            if (sinSigma == 0.0) {
                return 0.0;
            }
            double cosSigma = sinU1 * sinU2 + cosU1 * cosU2 * cosLambda;
            double sigma = Math.atan2(sinSigma, cosSigma);
            double sinAlpha = cosU1 * cosU2 * sinLambda / sinSigma;
            double cosSqAlpha = 1 - sinAlpha * sinAlpha;
            double cos2SigmaM = cosSqAlpha != 0.0 ? cosSigma - 2 * sinU1 * sinU2 / cosSqAlpha : 0.0;
            double c = F / 16 * cosSqAlpha * (4 + F * (4 - 3 * cosSqAlpha));
            double previous = lambda;
            lambda = l + (1 - c) * F * sinAlpha
                    * (sigma + c * sinSigma * (cos2SigmaM + c * cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)));
            if (Math.abs(lambda - previous) < CONVERGENCE) {
                double uSq = cosSqAlpha * (A * A - B * B) / (B * B);
                double bigA = 1 + uSq / 16384 * (4096 + uSq * (-768 + uSq * (320 - 175 * uSq)));
                double bigB = uSq / 1024 * (256 + uSq * (-128 + uSq * (74 - 47 * uSq)));
                double deltaSigma = bigB * sinSigma * (cos2SigmaM + bigB / 4
                        * (cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)
                        - bigB / 6 * cos2SigmaM * (-3 + 4 * sinSigma * sinSigma)
                        * (-3 + 4 * cos2SigmaM * cos2SigmaM)));
                return B * bigA * (sigma - deltaSigma);
            }
        }
        return haversine(lat1, lon1, lat2, lon2);
    }

    /** Largest latitude or longitude difference, in degrees, for which {@link #localDistance} skips Vincenty. */
    public static final double LOCAL_SPAN_DEGREES = 0.05;
    private static final double E2 = F * (2 - F);

    /**
     * The distance in metres between two nearby points, for the hot loops of clustering and least squares: on the
     * ellipsoid's tangent plane at the mid-latitude (meridian and prime-vertical radii of curvature). For points
     * less than 0.05° apart in both latitude and longitude it agrees with {@link #distance} to within a millimetre
     * (a relative error below 5e-7 beyond 100 m, see GeodesyTest) at a tenth of the cost; farther apart it is {@link #distance}.
     */
    public static double localDistance(double lat1, double lon1, double lat2, double lon2) {
        double dLat = lat2 - lat1;
        double dLon = lon2 - lon1;
        if (Math.abs(dLat) > LOCAL_SPAN_DEGREES || Math.abs(dLon) > LOCAL_SPAN_DEGREES) {
            return distance(lat1, lon1, lat2, lon2);
        }
        return planeDistance(dLat, dLon, Math.cos(Math.toRadians((lat1 + lat2) * 0.5)));
    }

    /**
     * {@link #localDistance} for callers that already know the cosine of the mid-latitude: the tangent-plane distance
     * of a latitude and longitude difference in degrees (both at most {@link #LOCAL_SPAN_DEGREES}).
     */
    public static double planeDistance(double dLat, double dLon, double cosMidLat) {
        double cos = cosMidLat;
        double sin2 = 1 - cos * cos;
        double w2 = 1 - E2 * sin2;
        double w = Math.sqrt(w2);
        double n = A / w;
        double m = A * (1 - E2) / (w2 * w);
        double dy = Math.toRadians(dLat) * m;
        double dx = Math.toRadians(dLon) * n * cos;
        return Math.sqrt(dx * dx + dy * dy);
    }

    /** Great-circle distance in metres on a sphere of radius 6,371.009 km. */
    public static double haversine(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * HAVERSINE_RADIUS_METERS * Math.asin(Math.min(1.0, Math.sqrt(a)));
    }

    /**
     * Radius in whole metres of the circle around (lat, lon) that encloses the bounding box: the largest distance to
     * one of its four corners, rounded half to even as Ichnaea (Python's {@code round}) does.
     */
    public static int circleRadius(double lat, double lon, double maxLat, double maxLon, double minLat,
                                   double minLon) {
        double max = Math.max(
                Math.max(distance(lat, lon, minLat, minLon), distance(lat, lon, minLat, maxLon)),
                Math.max(distance(lat, lon, maxLat, minLon), distance(lat, lon, maxLat, maxLon)));
        return (int) Math.rint(max);
    }

    /** Rounds to 7 decimal places, as every result position and accuracy is. */
    public static double round7(double value) {
        return roundTo(value, 7);
    }

    /**
     * Rounds half-even to the given number of decimal places on the exact binary value, as Python's
     * {@code round(x, n)} does ({@code round(2.675, 2) == 2.67}).
     */
    public static double roundTo(double value, int places) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return value;
        }
        if (places >= 0 && places < POWERS_OF_TEN.length) {
            // Fast path (a BigDecimal per coordinate was 1.3 % of an IP-only geolocate's CPU). Below 2^52 every
            // k + 0.5 is a double, and the product value * 10^places is rounded monotonically, so it lies on the same
            // side of each half as the exact product unless it lands exactly on one: then, and only then, the exact
            // path decides. scaled - floor(scaled) is exact. n / 10^places is what BigDecimal.doubleValue() computes
            // for an unscaled value below 2^52 (one correctly rounded division), and zero is +0.0 as there.
            double scale = POWERS_OF_TEN[places];
            double scaled = value * scale;
            if (Math.abs(scaled) < 0x1p52) {
                double floor = Math.floor(scaled);
                double fraction = scaled - floor;
                if (fraction != 0.5) {
                    double n = fraction < 0.5 ? floor : floor + 1;
                    return n == 0 ? 0.0 : n / scale;
                }
            }
        }
        return new java.math.BigDecimal(value)
                .setScale(places, java.math.RoundingMode.HALF_EVEN).doubleValue();
    }

    private static final double[] POWERS_OF_TEN = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15};

    /** Whether a latitude and longitude are inside the Web Mercator bounds. */
    public static boolean isValid(double lat, double lon) {
        return lat >= MIN_LAT && lat <= MAX_LAT && lon >= MIN_LON && lon <= MAX_LON;
    }
}
