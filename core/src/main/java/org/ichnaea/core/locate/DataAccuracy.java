package org.ichnaea.core.locate;

/** Accuracy classes (docs/algorithms.md §2), ordered best first. */
public enum DataAccuracy {
    HIGH,
    MEDIUM,
    LOW,
    NONE;

    /** The class of an accuracy in metres: high ≤ 500, medium ≤ 50,000, low ≤ 40,000,000, else none. */
    public static DataAccuracy of(Double accuracyMeters) {
        if (accuracyMeters == null || accuracyMeters.isNaN()) {
            return NONE;
        } else if (accuracyMeters <= 500) {
            return HIGH;
        } else if (accuracyMeters <= 50_000) {
            return MEDIUM;
        } else if (accuracyMeters <= 40_000_000) {
            return LOW;
        }
        return NONE;
    }

    /** The better (smaller) of two classes. */
    public static DataAccuracy better(DataAccuracy a, DataAccuracy b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
