package org.ichnaea.core.pipeline;

import org.ichnaea.core.station.StationSource;

/**
 * One observation of a network in the pipeline: where the report was made, its weight (docs/algorithms.md §13.6;
 * weight 0 never reaches the updater), the source of the report's position and the report's id
 * ({@link org.ichnaea.core.submit.IncomingReport#id()}), by which a report delivered twice is applied once; for
 * cells, the signal (dBm) and timing advance the report heard the cell with, for its profile
 * ({@link org.ichnaea.core.station.CellProfile}).
 */
public record StationObservation(double lat, double lon, double weight, StationSource source, long report,
                                 Integer signal, Integer ta) {

    /** An observation of no particular report (tests, imports). */
    public StationObservation(double lat, double lon, double weight, StationSource source) {
        this(lat, lon, weight, source, 0L);
    }

    /** An observation without signal or timing advance (they only matter to cells' profiles). */
    public StationObservation(double lat, double lon, double weight, StationSource source, long report) {
        this(lat, lon, weight, source, report, null, null);
    }

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
