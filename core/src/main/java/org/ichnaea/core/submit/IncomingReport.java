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

    /**
     * The report's identity: the first 64 bits of the SHA-256 of its queue encoding, so the same report queued
     * twice (a redelivered claim, a client's retry of an identical submission) has the same id and is applied once.
     */
    public long id() {
        return IncomingReportCodec.id(IncomingReportCodec.encode(this));
    }
}
