package org.ichnaea.core.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.ichnaea.core.datamap.GridCell;

/** The day, clock and grid cells of the coverage tile tests, in core ({@code TileRendererTest}) and the adapter. */
public final class TestTiles {

    public static final LocalDate TODAY = LocalDate.of(2024, 6, 15);
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-15T03:00:00Z"), ZoneOffset.UTC);

    /** Far from tile edges at every zoom 0..11, so each shows in exactly one tile per zoom. */
    public static final GridCell RIO = GridCell.of(-22.907, -43.173);
    public static final GridCell TOKYO = GridCell.of(35.676, 139.650);
    public static final GridCell CAPE_TOWN = GridCell.of(-33.925, 18.424);
    public static final GridCell CAPE_TOWN_NEXT_DOOR = GridCell.of(-33.926, 18.426);

    private TestTiles() {
    }
}
