package org.ichnaea.core.datamap;

import java.time.LocalDate;

/** A stored grid cell: first and last day data was seen there. */
public record GridEntry(GridCell cell, LocalDate created, LocalDate modified) {
}
