package org.ichnaea.core.submit;

import org.ichnaea.core.station.StationSource;

/**
 * An item of the {@code update_incoming} queue: a report, the API key it came with (null when anonymous) and the
 * source of its position ({@code query} for locate queries, else the position's own source or gnss).
 */
public record IncomingReport(String apiKey, StationSource source, Report report) {

    public IncomingReport {
        if (source == null || report == null) {
            throw new IllegalArgumentException("an incoming report needs a source and a report");
        }
    }
}
