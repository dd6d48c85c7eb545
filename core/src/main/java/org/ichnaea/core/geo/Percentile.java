package org.ichnaea.core.geo;

import java.util.Arrays;

/** Percentiles with linear interpolation between order statistics, NumPy's default (docs/algorithms.md §12). */
public final class Percentile {

    private Percentile() {
    }

    /**
     * The {@code percent} percentile of the values (at position (n−1)·p of the sorted values). The array is sorted
     * in place.
     */
    public static double of(double[] values, double percent) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        Arrays.sort(values);
        double position = (values.length - 1) * (percent / 100.0);
        int low = (int) Math.floor(position);
        int high = Math.min(low + 1, values.length - 1);
        double fraction = position - low;
        return values[low] + (values[high] - values[low]) * fraction;
    }
}
