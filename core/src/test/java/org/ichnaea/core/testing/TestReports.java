package org.ichnaea.core.testing;

import java.util.List;
import org.ichnaea.core.radio.BlueObservation;
import org.ichnaea.core.radio.CellObservation;
import org.ichnaea.core.radio.MacAddress;
import org.ichnaea.core.radio.RadioType;
import org.ichnaea.core.radio.WifiObservation;
import org.ichnaea.core.station.StationSource;
import org.ichnaea.core.submit.IncomingReport;
import org.ichnaea.core.submit.Report;
import org.ichnaea.core.submit.ReportPosition;

/** Reports with every kind of field filled, for queue round trips. */
public final class TestReports {

    private TestReports() {
    }

    /** A report with one network of each kind; {@code n} varies MACs, cell ids and position. */
    public static IncomingReport full(int n) {
        Report report = new Report(1_781_000_000_000L + n,
                new ReportPosition(51.5 + n * 1e-4, -0.1, 5.0, 20.5, 3.0, 87.0, 1012.3, 1.4, 350, StationSource.GNSS),
                List.of(new BlueObservation(new MacAddress(0x1A0000000000L + n), -150, -70, "beacon")),
                List.of(new CellObservation(RadioType.NR, 244, 5, 123456, 68_719_476_735L - n, 1007, 800, -95, null,
                        12)),
                List.of(new WifiObservation(new MacAddress(0x2A0000000000L + n), 1200, 37, 6135, -67, 30,
                        "HomeNet")),
                null, null);
        return new IncomingReport(n % 2 == 0 ? "test-key" : null, StationSource.GNSS, report);
    }

    /** A query report: position from the query source and fallback options kept, no optional fields. */
    public static IncomingReport query(int n) {
        Report report = new Report(1_781_000_000_000L + n, ReportPosition.of(51.5, -0.1, 40.0, StationSource.QUERY),
                List.of(), List.of(),
                List.of(new WifiObservation(new MacAddress(0x2A0000000000L + n), null, null, null, null, null, null),
                        new WifiObservation(new MacAddress(0x2B0000000000L + n), null, 6, 2437, -60, null, null)),
                true, false);
        return new IncomingReport("k", StationSource.QUERY, report);
    }
}
