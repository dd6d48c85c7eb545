package org.ichnaea.core.submit;

import java.util.List;
import org.ichnaea.core.radio.BlueObservation;
import org.ichnaea.core.radio.CellObservation;
import org.ichnaea.core.radio.WifiObservation;

/**
 * One report for the pipeline: the networks seen at one place and time. Locate queries that found a position become
 * reports too (docs/algorithms.md §10), with their fallback options kept.
 *
 * @param timestamp milliseconds since the epoch
 * @param position  null when the client sent none (dropped later by the pipeline)
 * @param ipf       the query's IP-fallback option, null for submissions
 * @param lacf      the query's cell-area-fallback option, null for submissions
 */
public record Report(long timestamp, ReportPosition position, List<BlueObservation> blues,
                     List<CellObservation> cells, List<WifiObservation> wifis, Boolean ipf, Boolean lacf) {

    public Report {
        blues = List.copyOf(blues);
        cells = List.copyOf(cells);
        wifis = List.copyOf(wifis);
    }

    public boolean hasNetworks() {
        return !blues.isEmpty() || !cells.isEmpty() || !wifis.isEmpty();
    }
}
