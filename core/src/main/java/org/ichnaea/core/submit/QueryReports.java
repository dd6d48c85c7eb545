package org.ichnaea.core.submit;

import java.util.List;
import org.ichnaea.core.locate.LocateQuery;
import org.ichnaea.core.locate.QueryDataSink;
import org.ichnaea.core.locate.Result;
import org.ichnaea.core.queue.DataQueue;
import org.ichnaea.core.station.StationSource;

/** Query observations (docs/algorithms.md §10) as reports of source {@code query} on a report queue. */
public final class QueryReports {

    private QueryReports() {
    }

    /** A sink that enqueues each query, at the position found for it, as one report; enqueue failures propagate. */
    public static QueryDataSink into(DataQueue<IncomingReport> queue) {
        return (query, best, timestamp) -> queue.enqueue(List.of(report(query, best, timestamp)));
    }

    static IncomingReport report(LocateQuery query, Result best, long timestamp) {
        Report report = new Report(timestamp, ReportPosition.of(best.lat(), best.lon(), best.accuracy(),
                StationSource.QUERY), query.blues(), query.cells(), query.wifis(), query.ipf(), query.lacf());
        return new IncomingReport(query.apiKey() == null ? null : query.apiKey().validKey(), StationSource.QUERY,
                report);
    }
}
