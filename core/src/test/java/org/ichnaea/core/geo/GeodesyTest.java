package org.ichnaea.core.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** docs/algorithms.md §12. */
class GeodesyTest {

    private static double dms(int d, int m, double s) {
        return Math.signum(d) * (Math.abs(d) + m / 60.0 + s / 3600.0);
    }

    @Test
    void vincenty_matches_the_flinders_peak_to_buninyong_reference() {
        // Vincenty (1975) / Geoscience Australia test line: 54,972.271 m.
        double d = Geodesy.distance(dms(-37, 57, 3.72030), dms(144, 25, 29.52440), dms(-37, 39, 10.15610),
                dms(143, 55, 35.38390));
        assertThat(d).isCloseTo(54_972.271, within(0.001));
    }

    @Test
    void the_local_distance_agrees_with_vincenty_within_a_millimetre_for_nearby_points() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        double worstRelative = 0;
        for (int i = 0; i < 200_000; i++) {
            double lat = -85 + random.nextDouble() * 170;
            double lon = -180 + random.nextDouble() * 360;
            double span = Geodesy.LOCAL_SPAN_DEGREES * Math.pow(10, -random.nextDouble() * 4);
            double lat2 = Math.max(-85.051, Math.min(85.051, lat + (random.nextDouble() * 2 - 1) * span));
            double lon2 = lon + (random.nextDouble() * 2 - 1) * span;
            double exact = Geodesy.distance(lat, lon, lat2, lon2);
            double local = Geodesy.localDistance(lat, lon, lat2, lon2);
            assertThat(Math.abs(local - exact)).as("%s,%s %s,%s", lat, lon, lat2, lon2).isLessThan(0.001);
            if (exact > 100) {
                worstRelative = Math.max(worstRelative, Math.abs(local - exact) / exact);
            }
        }
        assertThat(worstRelative).isLessThan(5e-7);
        assertThat(Geodesy.localDistance(51.5, -0.1, 52.5, -0.1)).isEqualTo(Geodesy.distance(51.5, -0.1, 52.5, -0.1));
    }

    @Test
    void coincident_points_are_zero_metres_apart() {
        assertThat(Geodesy.distance(51.5, -0.1, 51.5, -0.1)).isZero();
    }

    @Test
    void nearly_antipodal_points_fall_back_to_haversine() {
        double d = Geodesy.distance(0.0, 0.0, 0.5, 179.7);
        assertThat(d).isEqualTo(Geodesy.haversine(0.0, 0.0, 0.5, 179.7));
        assertThat(d).isCloseTo(19_950_278, within(1.0));
    }

    @Test
    void one_degree_of_latitude_at_the_equator_is_about_110_574_metres() {
        assertThat(Geodesy.distance(0, 0, 1, 0)).isCloseTo(110_574.4, within(0.5));
    }

    @Test
    void circle_radius_is_the_distance_to_the_farthest_corner_rounded_half_even() {
        double lat = 51.5;
        double lon = -0.1;
        int radius = Geodesy.circleRadius(lat, lon, 51.51, -0.09, 51.49, -0.11);
        double farthest = Math.max(Math.max(Geodesy.distance(lat, lon, 51.49, -0.11),
                Geodesy.distance(lat, lon, 51.49, -0.09)), Math.max(Geodesy.distance(lat, lon, 51.51, -0.11),
                Geodesy.distance(lat, lon, 51.51, -0.09)));
        assertThat(radius).isEqualTo((int) Math.rint(farthest));
        assertThat(radius).isBetween(1300, 1400);
    }

    @Test
    void rounding_is_half_even_on_the_binary_value_like_python() {
        assertThat(Geodesy.roundTo(2.675, 2)).isEqualTo(2.67);
        assertThat(Geodesy.roundTo(0.125, 2)).isEqualTo(0.12);
        assertThat(Geodesy.roundTo(0.375, 2)).isEqualTo(0.38);
        // 51.50000085 is 51.500000849999999... in binary, so Python rounds it down too.
        assertThat(Geodesy.round7(51.50000085)).isEqualTo(51.5000008);
    }

    @Test
    void the_fast_rounding_path_gives_the_exact_paths_bits_for_coordinates_ties_and_tiny_values() {
        java.util.Random random = new java.util.Random(20261207);
        for (int i = 0; i < 2_000_000; i++) {
            int places = i % 4 == 0 ? random.nextInt(18) : 7;
            double value = switch (i % 5) {
                case 0 -> (random.nextDouble() * 2 - 1) * 180;
                case 1 -> (random.nextDouble() * 2 - 1) * 90;
                // Decimal ties at this scale (x.xxxxxxx5), as written in JSON.
                case 2 -> Double.parseDouble(String.format(java.util.Locale.ROOT, "%.7f5",
                        (random.nextDouble() * 2 - 1) * 180));
                case 3 -> (random.nextDouble() * 2 - 1) * 1e-6;
                // Any magnitude, up to and past 2^52 at the scale; and values next to a half of the last place.
                default -> i % 2 == 0 ? (random.nextDouble() * 2 - 1) * Math.pow(10, random.nextInt(24) - 6)
                        : Math.nextAfter((random.nextInt(2_000_001) - 1_000_000 + 0.5) / Math.pow(10, places),
                                random.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY);
            };
            double exact = new java.math.BigDecimal(value).setScale(places, java.math.RoundingMode.HALF_EVEN)
                    .doubleValue();
            double fast = Geodesy.roundTo(value, places);
            if (Double.doubleToRawLongBits(fast) != Double.doubleToRawLongBits(exact)) {
                throw new AssertionError(value + " to " + places + " places: " + fast + " != " + exact);
            }
        }
        // Binary values exactly at a half of the last place: j / 256 for odd j is a tie at 7 places (5^7 divides
        // 10^7 / 2), and half-even decides it.
        for (int j = -99_999; j < 100_000; j += 2) {
            double value = j / 256.0;
            double exact = new java.math.BigDecimal(value).setScale(7, java.math.RoundingMode.HALF_EVEN)
                    .doubleValue();
            assertThat(Geodesy.round7(value)).as("%s", value).isEqualTo(exact);
        }
        assertThat(Geodesy.round7(1 / 256.0)).isEqualTo(0.0039062);
        assertThat(Geodesy.round7(3 / 256.0)).isEqualTo(0.0117188);
        // Zero is +0.0, as BigDecimal gives it.
        assertThat(Double.doubleToRawLongBits(Geodesy.roundTo(-1e-9, 7))).isZero();
        assertThat(Double.doubleToRawLongBits(Geodesy.roundTo(-0.0, 7))).isZero();
    }

    @Test
    void percentile_interpolates_linearly_like_numpy() {
        assertThat(Percentile.of(new double[] {1, 2, 3, 4}, 95)).isCloseTo(3.85, within(1e-12));
        assertThat(Percentile.of(new double[] {10}, 95)).isEqualTo(10);
        assertThat(Percentile.of(new double[] {5, 1}, 50)).isEqualTo(3);
    }
}
