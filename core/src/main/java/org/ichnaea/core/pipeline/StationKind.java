package org.ichnaea.core.pipeline;

/**
 * The station types the updater handles, with the largest consistent spread of their observations (docs/algorithms.md
 * §13.7).
 */
public enum StationKind {
    BLUE(100),
    WIFI(5_000),
    CELL(100_000);

    private final double maxDistanceMeters;

    StationKind(double maxDistanceMeters) {
        this.maxDistanceMeters = maxDistanceMeters;
    }

    /** Observations of one station spread over more than this (bounding-box diagonal) disagree, in metres. */
    public double maxDistanceMeters() {
        return maxDistanceMeters;
    }
}
