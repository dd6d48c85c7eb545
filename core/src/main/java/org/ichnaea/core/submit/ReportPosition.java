package org.ichnaea.core.submit;

import org.ichnaea.core.station.StationSource;

/** Where a report was made and how well that was known (the {@code position} object of a geosubmit item). */
public record ReportPosition(double lat, double lon, Double accuracy, Double altitude, Double altitudeAccuracy,
                             Double heading, Double pressure, Double speed, Integer age, StationSource source) {

    /** A position with an accuracy and a source only. */
    public static ReportPosition of(double lat, double lon, Double accuracy, StationSource source) {
        return new ReportPosition(lat, lon, accuracy, null, null, null, null, null, null, source);
    }
}
