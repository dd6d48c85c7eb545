package org.ichnaea.core.locate;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ichnaea.core.geoip.GeoIpResolver;

/**
 * Answers {@code /v1/country} and {@code /v1/region} (docs/algorithms.md §3, docs/algorithms.md §8): internal region
 * votes, then GeoIP; no fallback provider and no query data.
 */
public final class RegionSearcher {

    private final InternalSource internal;
    private final GeoIpResolver geoIp;
    private final Clock clock;

    public RegionSearcher(InternalSource internal, GeoIpResolver geoIp, Clock clock) {
        this.internal = internal;
        this.geoIp = geoIp;
        this.clock = clock;
    }

    public Optional<RegionAnswer> search(LocateQuery query) {
        return searchDetailed(query).best().map(RegionAnswer::of);
    }

    public SearchOutcome searchDetailed(LocateQuery query) {
        List<Result> results = new ArrayList<>();
        if (InternalSource.applies(query)) {
            results.addAll(internal.regions(query, clock.instant()));
        }
        if (query.ipf() && query.ip() != null) {
            geoIp.resolve(query.ip()).ifPresent(l -> results.add(Result.region(l.regionCode(), l.regionName(),
                    l.regionRadiusMeters(), l.score(), ResultSource.GEOIP, query.hasNetworks() ? "ipf" : null)));
        }
        return new SearchOutcome(results, ResultSelection.bestRegion(results));
    }
}
