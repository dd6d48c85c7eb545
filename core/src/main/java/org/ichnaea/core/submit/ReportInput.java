package org.ichnaea.core.submit;

import java.util.List;
import java.util.Objects;
import org.ichnaea.core.locate.QueryInput;

/**
 * One submitted report as the client sent it (a geosubmit v2 item, or a v1/v0 item already renamed to v2 names),
 * before validation. Every value may be null or out of range.
 *
 * @param timestamp milliseconds since the epoch
 * @param radioType the report's top-level radio type, for cells without their own
 */
public record ReportInput(Long timestamp, Position position, String radioType, List<QueryInput.Blue> blues,
                          List<QueryInput.Cell> cells, List<QueryInput.Wifi> wifis) {

    public ReportInput {
        blues = blues == null ? List.of() : blues.stream().filter(Objects::nonNull).toList();
        cells = cells == null ? List.of() : cells.stream().filter(Objects::nonNull).toList();
        wifis = wifis == null ? List.of() : wifis.stream().filter(Objects::nonNull).toList();
    }

    /** The {@code position} object. */
    public record Position(Double latitude, Double longitude, Double accuracy, Double altitude,
                           Double altitudeAccuracy, Double heading, Double pressure, Double speed, Long age,
                           String source) {
    }
}
