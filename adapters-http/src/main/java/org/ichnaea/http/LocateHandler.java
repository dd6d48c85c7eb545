package org.ichnaea.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.ichnaea.core.apikey.ApiKey;
import org.ichnaea.core.apikey.ApiType;
import org.ichnaea.core.locate.LocateQuery;
import org.ichnaea.core.locate.PositionSearcher;
import org.ichnaea.core.locate.QueryNormalizer;
import org.ichnaea.core.locate.RegionSearcher;
import org.ichnaea.core.locate.Result;
import org.ichnaea.core.locate.SearchOutcome;

/**
 * {@code /v1/geolocate} (docs/api.md "/v1/geolocate") and {@code /v1/country} with its alias {@code /v1/region}
 * (docs/api.md "/v1/country and /v1/region"): the key check, the locate body, the search, 404 {@code notFound}
 * without an answer; only the searcher and the answer's JSON differ.
 */
final class LocateHandler implements Handler {

    private final ApiKeyGate gate;
    private final QueryNormalizer normalizer;
    private final long maxBodyBytes;
    private final WebMetrics metrics;
    private final ApiType type;
    private final String apiName;
    private final String metric;
    private final Function<LocateQuery, SearchOutcome> search;
    private final Function<Result, Map<String, Object>> answer;

    private LocateHandler(ApiKeyGate gate, QueryNormalizer normalizer, long maxBodyBytes, WebMetrics metrics,
                          ApiType type, String apiName, String metric, Function<LocateQuery, SearchOutcome> search,
                          Function<Result, Map<String, Object>> answer) {
        this.gate = gate;
        this.normalizer = normalizer;
        this.maxBodyBytes = maxBodyBytes;
        this.metrics = metrics;
        this.type = type;
        this.apiName = apiName;
        this.metric = metric;
        this.search = search;
        this.answer = answer;
    }

    /** {@code /v1/geolocate}: {@code {"location": {"lat", "lng"}, "accuracy"[, "fallback"]}}. */
    static LocateHandler geolocate(ApiKeyGate gate, QueryNormalizer normalizer, PositionSearcher searcher,
                                   long maxBodyBytes, WebMetrics metrics) {
        return new LocateHandler(gate, normalizer, maxBodyBytes, metrics, ApiType.LOCATE, "v1.geolocate", "locate",
                searcher::searchDetailed, p -> {
                    Map<String, Object> body = new LinkedHashMap<>();
                    Map<String, Object> location = new LinkedHashMap<>();
                    location.put("lat", p.lat());
                    location.put("lng", p.lon());
                    body.put("location", location);
                    body.put("accuracy", p.accuracy());
                    return body;
                });
    }

    /** {@code /v1/country}: {@code {"country_code", "country_name"[, "fallback"]}}. */
    static LocateHandler region(ApiKeyGate gate, QueryNormalizer normalizer, RegionSearcher searcher,
                                long maxBodyBytes, WebMetrics metrics) {
        return new LocateHandler(gate, normalizer, maxBodyBytes, metrics, ApiType.REGION, "v1.country", "region",
                searcher::searchDetailed, r -> {
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("country_code", r.regionCode());
                    body.put("country_name", r.regionName());
                    return body;
                });
    }

    @Override
    public void handle(Context ctx) {
        ApiKey key = gate.check(ctx, type, apiName);
        var input = RequestParsers.locate(RequestBody.read(ctx, maxBodyBytes), ClientAddress.of(ctx));
        SearchOutcome outcome = search.apply(normalizer.normalize(input, key, type));
        metrics.result(metric, outcome.best());
        RequestLog.result(ctx, outcome.best());
        if (outcome.best().isEmpty()) {
            throw new ApiException(ApiError.NOT_FOUND);
        }
        Result best = outcome.best().get();
        Map<String, Object> body = answer.apply(best);
        if (best.fallback() != null) {
            body.put("fallback", best.fallback());
        }
        RequestLog.response(ctx, body);
        Responses.json(ctx, 200, body);
    }
}
