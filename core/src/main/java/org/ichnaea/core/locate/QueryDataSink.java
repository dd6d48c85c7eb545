package org.ichnaea.core.locate;

/**
 * Where {@link QueryDataReporter} hands a query that teaches something new (docs/algorithms.md §10), with the position
 * learned for it: the submit side turns it into a query report for the pipeline
 * ({@code org.ichnaea.core.submit.QueryReports}). Declared here so that the locate package does not depend on the
 * submit package, which depends on it.
 */
@FunctionalInterface
public interface QueryDataSink {

    /** Takes {@code query}, located at {@code best} (its best internal result) at {@code timestamp}; may throw. */
    void accept(LocateQuery query, Result best, long timestamp);
}
