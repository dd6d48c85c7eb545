package org.ichnaea.core.station;

import org.ichnaea.core.radio.CellId;

/** A cell the service knows, with its primary scrambling code / physical cell id when learned. */
public record CellStation(CellId id, Integer psc, StationData data, CellProfile profile) {

    /** Largest radius stored for a cell (docs/storage.md "Station columns", docs/storage.md "Public cell CSV"). */
    public static final int MAX_RADIUS = 100_000;

    public CellStation {
        if (id == null || data == null) {
            throw new IllegalArgumentException("a cell station needs an id and its data");
        }
        profile = profile == null ? CellProfile.empty() : profile;
    }

    /** A cell without a signal profile (imports, tests). */
    public CellStation(CellId id, Integer psc, StationData data) {
        this(id, psc, data, null);
    }
}
