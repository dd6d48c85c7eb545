package org.ichnaea.core.pipeline;

import org.ichnaea.core.station.StationSource;

/**
 * One observation of a network in the pipeline: where the report was made, its weight (ichnaea-behaviour.md §5.4;
 * weight 0 never reaches the updater) and the source of the report's position.
 */
public record StationObservation(double lat, double lon, double weight, StationSource source) {

    public StationObservation {
        if (!(weight > 0)) {
            throw new IllegalArgumentException("observations of weight 0 are discarded before station updates");
        }
        if (source == null) {
            source = StationSource.GNSS;
        }
    }

    /** Whether the position came from a locate query rather than a positioning system. */
    public boolean isQuery() {
        return source == StationSource.QUERY;
    }
}
