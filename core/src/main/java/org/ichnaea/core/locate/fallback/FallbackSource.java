package org.ichnaea.core.locate.fallback;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ichnaea.core.apikey.ApiKey;
import org.ichnaea.core.geo.Geodesy;
import org.ichnaea.core.locate.LocateQuery;
import org.ichnaea.core.locate.Result;
import org.ichnaea.core.locate.ResultSource;
import org.ichnaea.core.radio.BlueObservation;
import org.ichnaea.core.radio.CellObservation;
import org.ichnaea.core.radio.WifiObservation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The external fallback source (docs/algorithms.md §9): cache, then rate limit, then the provider. A found answer
 * scores 10 (5 when the provider tagged it {@code lacf}).
 */
public final class FallbackSource {

    public static final double SCORE = 10.0;
    public static final double LACF_SCORE = 5.0;
    /** Simple queries with fewer networks than this are cached. */
    public static final int MAX_CACHED_NETWORKS = 20;

    private static final Logger LOG = LoggerFactory.getLogger(FallbackSource.class);

    private final FallbackClient client;
    private final FallbackCache cache;
    private final RateLimiter rateLimiter;
    private final Clock clock;

    public FallbackSource(FallbackClient client, FallbackCache cache, RateLimiter rateLimiter, Clock clock) {
        this.client = client;
        this.cache = cache;
        this.rateLimiter = rateLimiter;
        this.clock = clock;
    }

    /** Whether the source applies: the key may fall back and the query has Bluetooth, cell or Wi-Fi networks. */
    public static boolean applies(LocateQuery query) {
        return query.apiKey() != null && query.apiKey().canFallback()
                && (!query.blues().isEmpty() || !query.cells().isEmpty() || !query.wifis().isEmpty());
    }

    public Optional<Result> search(LocateQuery query) {
        ApiKey key = query.apiKey();
        List<String> cacheKeys = isCacheable(query) && key.fallbackCacheExpire() != null
                && key.fallbackCacheExpire() != 0 ? cacheKeys(key, query) : List.of();
        if (!cacheKeys.isEmpty()) {
            Optional<FallbackAnswer> cached = readCache(cacheKeys);
            if (cached.isPresent()) {
                return toResult(cached.get());
            }
        }
        if (isRateLimited(key)) {
            return Optional.empty();
        }
        FallbackAnswer answer;
        try {
            answer = client.locate(key, query);
        } catch (RuntimeException e) {
            LOG.warn("fallback {} failed: {}", key.fallbackName(), e.toString());
            return Optional.empty();
        }
        if (!cacheKeys.isEmpty()) {
            try {
                cache.putAll(cacheKeys, answer, Duration.ofSeconds(Math.max(key.fallbackCacheExpire(), 1)));
            } catch (RuntimeException e) {
                LOG.warn("fallback cache write failed: {}", e.toString());
            }
        }
        return toResult(answer);
    }

    private static Optional<Result> toResult(FallbackAnswer answer) {
        if (answer instanceof FallbackAnswer.Found found) {
            double score = "lacf".equals(found.fallback()) ? LACF_SCORE : SCORE;
            return Optional.of(Result.position(found.lat(), found.lon(), found.accuracy(), score,
                    ResultSource.FALLBACK, found.fallback(), List.of()));
        }
        return Optional.empty();
    }

    /** Exactly one cell and nothing else, or only Wi-Fi or only Bluetooth with fewer than 20 networks. */
    static boolean isCacheable(LocateQuery query) {
        int blues = query.blues().size();
        int cells = query.cells().size();
        int wifis = query.wifis().size();
        return (cells == 1 && blues == 0 && wifis == 0)
                || (wifis > 0 && blues == 0 && cells == 0 && wifis < MAX_CACHED_NETWORKS)
                || (blues > 0 && wifis == 0 && cells == 0 && blues < MAX_CACHED_NETWORKS);
    }

    static List<String> cacheKeys(ApiKey key, LocateQuery query) {
        String prefix = "cache:fallback:" + key.fallbackSchema().vendor() + ":v1:1:";
        List<String> keys = new ArrayList<>();
        for (BlueObservation blue : query.blues()) {
            keys.add(prefix + "blue:" + blue.mac().hex());
        }
        for (CellObservation cell : query.cells()) {
            keys.add(prefix + "cell:" + cell.cellId().orElseThrow());
        }
        for (WifiObservation wifi : query.wifis()) {
            keys.add(prefix + "wifi:" + wifi.mac().hex());
        }
        return keys;
    }

    private Optional<FallbackAnswer> readCache(List<String> keys) {
        try {
            return combine(cache.getAll(keys));
        } catch (RuntimeException e) {
            LOG.warn("fallback cache read failed: {}", e.toString());
            return Optional.empty();
        }
    }

    /**
     * Combines cached entries (docs/algorithms.md §9 with the fix of docs/decisions/001-fixed-ichnaea-quirks.md fix 2):
     * entries are grouped by (lat, lon) rounded to 3 decimals and the fallback tag. One not-found group answers
     * not-found; one found group answers the mean position with accuracy max(distance to mean + entry accuracy);
     * anything else is a miss.
     */
    static Optional<FallbackAnswer> combine(List<Optional<FallbackAnswer>> cached) {
        Map<List<Object>, List<FallbackAnswer>> groups = new LinkedHashMap<>();
        for (Optional<FallbackAnswer> entry : cached) {
            if (entry.isEmpty()) {
                continue;
            }
            List<Object> groupKey;
            if (entry.get() instanceof FallbackAnswer.Found found) {
                groupKey = java.util.Arrays.asList(Geodesy.roundTo(found.lat(), 3), Geodesy.roundTo(found.lon(), 3),
                        found.fallback());
            } else {
                groupKey = List.of("404");
            }
            groups.computeIfAbsent(groupKey, k -> new ArrayList<>()).add(entry.get());
        }
        if (groups.size() != 1) {
            return Optional.empty();
        }
        List<FallbackAnswer> group = groups.values().iterator().next();
        if (group.get(0) instanceof FallbackAnswer.NotFound) {
            return Optional.of(group.get(0));
        }
        double lat = 0;
        double lon = 0;
        for (FallbackAnswer answer : group) {
            FallbackAnswer.Found found = (FallbackAnswer.Found) answer;
            lat += found.lat();
            lon += found.lon();
        }
        lat /= group.size();
        lon /= group.size();
        double accuracy = 0;
        for (FallbackAnswer answer : group) {
            FallbackAnswer.Found found = (FallbackAnswer.Found) answer;
            accuracy = Math.max(accuracy, Geodesy.distance(lat, lon, found.lat(), found.lon()) + found.accuracy());
        }
        String tag = ((FallbackAnswer.Found) group.get(0)).fallback();
        return Optional.of(new FallbackAnswer.Found(lat, lon, Geodesy.roundTo(accuracy, 3), tag));
    }

    private boolean isRateLimited(ApiKey key) {
        int limit = key.fallbackRatelimit();
        int interval = key.fallbackRatelimitInterval();
        long bucket = Math.floorDiv(clock.instant().getEpochSecond(), interval);
        try {
            long count = rateLimiter.incrementAndGet("fallback_ratelimit:" + key.fallbackName() + ":" + bucket,
                    Duration.ofSeconds((long) interval * 5));
            return limit > 0 && count > limit;
        } catch (RuntimeException e) {
            LOG.warn("fallback rate limit unavailable, not calling the provider: {}", e.toString());
            return true;
        }
    }
}
