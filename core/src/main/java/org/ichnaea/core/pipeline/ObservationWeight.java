package org.ichnaea.core.pipeline;

/**
 * The weight of one observation (docs/algorithms.md §13.6): accuracy × age × speed × signal weights; 0 means the
 * observation is discarded.
 */
public final class ObservationWeight {

    private ObservationWeight() {
    }

    /** accuracy: |a| (0 or missing → 10), at least 10; over the kind's limit → 0, else √(10/a). */
    static double accuracy(Double accuracy, double limit) {
        double a = accuracy == null || accuracy == 0 ? 10 : Math.abs(accuracy);
        a = Math.max(a, 10);
        return a > limit ? 0 : Math.sqrt(10 / a);
    }

    /** age: |age| (0 or missing → 2000), at least 2000; over 20 s → 0, else min(√(2000/age), 1). */
    static double age(Integer ageMs) {
        double a = ageMs == null || ageMs == 0 ? 2000 : Math.abs(ageMs);
        a = Math.max(a, 2000);
        return a > 20_000 ? 0 : Math.min(Math.sqrt(2000 / a), 1);
    }

    /** speed: |s| (0 or missing → 1), at least 1; over 50 m/s → 0, else min(√(5/s), 1). */
    static double speed(Double speed) {
        double s = speed == null || speed == 0 ? 1 : Math.abs(speed);
        s = Math.max(s, 1);
        return s > 50 ? 0 : Math.min(Math.sqrt(5 / s), 1);
    }

    /** Wi-Fi signal: (10000 / (sig − 20)²)² with −80 dBm when unknown (−80 → 1.0, −60 → 2.4). */
    static double wifiSignal(Integer signal) {
        double sig = signal == null ? -80 : signal;
        return Math.pow(10_000 / Math.pow(sig - 20, 2), 2);
    }

    /** Cell signal: (10000 / (sig + offset)²)², median and offset per radio (gsm −95/−5, wcdma −100/0, lte −105/5). */
    static double cellSignal(org.ichnaea.core.radio.RadioType radio, Integer signal) {
        double median;
        double offset;
        switch (radio) {
            case GSM -> {
                median = -95;
                offset = -5;
            }
            case WCDMA -> {
                median = -100;
                offset = 0;
            }
            default -> {
                median = -105;
                offset = 5;
            }
        }
        double sig = signal == null ? median : signal;
        return Math.pow(10_000 / Math.pow(sig + offset, 2), 2);
    }

    /**
     * The refined Wi-Fi signal weight: received power relative to −80 dBm, to the power {@code WIFI_POWER}
     * (docs/algorithms.md): 10^((sig + 80) / 10 × p); unknown signal → 1.
     */
    static double wifiPower(Integer signal) {
        return signal == null ? 1 : Math.pow(10, (signal + 80) / 10.0 * Tuning.WIFI_POWER);
    }

    /** The refined Bluetooth signal weight, as {@link #wifiPower} with its own exponent. */
    static double bluePower(Integer signal) {
        return signal == null ? 1 : Math.pow(10, (signal + 80) / 10.0 * Tuning.BLUE_POWER);
    }

    /**
     * The refined exponents, chosen on a split of the training data (docs/accuracy.md): Wi-Fi positions learnt
     * with weights proportional to received power (exponent 1) put UJI's median error at 7.6 m against 12 with no
     * signal weight and 13.5 with Ichnaea's. Cells get no signal weight at all: received power moved their
     * positions toward the mast, away from where they are heard, and cost Cork and Ottawa 1–5 % of median error;
     * where a cell is heard by signal and timing advance is kept in its profile instead
     * ({@link org.ichnaea.core.station.CellProfile}).
     */
    static final class Tuning {
        static final double WIFI_POWER = 1.0;
        static final double BLUE_POWER = 1.0;

        private Tuning() {
        }
    }
}
