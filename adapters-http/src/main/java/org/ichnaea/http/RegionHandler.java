package org.ichnaea.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ichnaea.core.apikey.ApiKey;
import org.ichnaea.core.apikey.ApiType;
import org.ichnaea.core.locate.QueryNormalizer;
import org.ichnaea.core.locate.Result;
import org.ichnaea.core.locate.SearchOutcome;
import org.ichnaea.core.locate.RegionSearcher;

/** {@code /v1/country} and its alias {@code /v1/region} (docs/api.md "/v1/country and /v1/region"). */
final class RegionHandler implements Handler {

    private final ApiKeyGate gate;
    private final QueryNormalizer normalizer;
    private final RegionSearcher searcher;
    private final long maxBodyBytes;
    private final WebMetrics metrics;

    RegionHandler(ApiKeyGate gate, QueryNormalizer normalizer, RegionSearcher searcher, long maxBodyBytes,
                  WebMetrics metrics) {
        this.metrics = metrics;
        this.gate = gate;
        this.normalizer = normalizer;
        this.searcher = searcher;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void handle(Context ctx) {
        ApiKey key = gate.check(ctx, ApiType.REGION, "v1.country");
        var input = RequestParsers.locate(RequestBody.read(ctx, maxBodyBytes), ClientAddress.of(ctx));
        SearchOutcome outcome = searcher.searchDetailed(normalizer.normalize(input, key, ApiType.REGION));
        metrics.result("region", outcome.best());
        RequestLog.result(ctx, outcome.best());
        if (outcome.best().isEmpty()) {
            throw new ApiException(ApiError.NOT_FOUND);
        }
        Result answer = outcome.best().get();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("country_code", answer.regionCode());
        body.put("country_name", answer.regionName());
        if (answer.fallback() != null) {
            body.put("fallback", answer.fallback());
        }
        RequestLog.response(ctx, body);
        Responses.json(ctx, 200, body);
    }
}
