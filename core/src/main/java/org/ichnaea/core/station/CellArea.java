package org.ichnaea.core.station;

import java.time.Instant;
import java.time.LocalDate;
import org.ichnaea.core.radio.CellAreaId;

/**
 * A cell area (LAC/TAC): the unweighted centre of its known cells and the box around them (docs/storage.md "Schema",
 * docs/algorithms.md §13.8).
 */
public record CellArea(CellAreaId id, double lat, double lon, int radius, String region, Integer avgCellRadius,
                       int numCells, Instant created, Instant modified, LocalDate lastSeen) {

    public CellArea {
        if (id == null) {
            throw new IllegalArgumentException("a cell area needs an id");
        }
    }
}
