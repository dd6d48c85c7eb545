package org.ichnaea.core.locate;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ichnaea.core.geoip.GeoIpLocation;
import org.ichnaea.core.geoip.GeoIpResolver;
import org.ichnaea.core.locate.fallback.FallbackSource;

/**
 * Answers {@code /v1/geolocate} (docs/algorithms.md §3): the internal source, then GeoIP, then the external
 * fallback when the results so far do not satisfy the query; the best result of the best cluster wins.
 */
public final class PositionSearcher {

    private final InternalSource internal;
    private final GeoIpResolver geoIp;
    private final FallbackSource fallback;
    private final QueryDataReporter reporter;
    private final Clock clock;

    /**
     * @param fallback null when no fallback provider is wired
     * @param reporter null when query data is not collected
     */
    public PositionSearcher(InternalSource internal, GeoIpResolver geoIp, FallbackSource fallback,
                            QueryDataReporter reporter, Clock clock) {
        this.internal = internal;
        this.geoIp = geoIp;
        this.fallback = fallback;
        this.reporter = reporter;
        this.clock = clock;
    }

    public Optional<Position> search(LocateQuery query) {
        return searchDetailed(query).best().map(Position::of);
    }

    public SearchOutcome searchDetailed(LocateQuery query) {
        Instant now = clock.instant();
        List<Result> results = new ArrayList<>();
        if (InternalSource.applies(query)) {
            List<Result> internalResults = internal.positions(query, now);
            results.addAll(internalResults);
            if (reporter != null) {
                reporter.report(query, internalResults);
            }
        }
        if (query.ipf() && query.ip() != null) {
            Optional<GeoIpLocation> location = geoIp.resolve(query.ip());
            location.ifPresent(l -> results.add(Result.position(l.lat(), l.lon(), l.radiusMeters(), l.score(),
                    ResultSource.GEOIP, query.hasNetworks() ? "ipf" : null, List.of())));
        }
        if (fallback != null && FallbackSource.applies(query)
                && !ResultSelection.satisfies(results, query.expectedAccuracy())) {
            fallback.search(query).ifPresent(results::add);
        }
        return new SearchOutcome(results, ResultSelection.best(results));
    }
}
