package org.ichnaea.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ichnaea.core.apikey.ApiKey;
import org.ichnaea.core.apikey.ApiType;
import org.ichnaea.core.locate.LocateQuery;
import org.ichnaea.core.locate.Result;
import org.ichnaea.core.locate.SearchOutcome;
import org.ichnaea.core.locate.PositionSearcher;
import org.ichnaea.core.locate.QueryNormalizer;

/** {@code /v1/geolocate} (docs/api.md "/v1/geolocate"). */
final class GeolocateHandler implements Handler {

    private final ApiKeyGate gate;
    private final QueryNormalizer normalizer;
    private final PositionSearcher searcher;
    private final long maxBodyBytes;
    private final WebMetrics metrics;

    GeolocateHandler(ApiKeyGate gate, QueryNormalizer normalizer, PositionSearcher searcher, long maxBodyBytes,
                     WebMetrics metrics) {
        this.metrics = metrics;
        this.gate = gate;
        this.normalizer = normalizer;
        this.searcher = searcher;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void handle(Context ctx) {
        ApiKey key = gate.check(ctx, ApiType.LOCATE, "v1.geolocate");
        var input = RequestParsers.locate(RequestBody.read(ctx, maxBodyBytes), ClientAddress.of(ctx));
        LocateQuery query = normalizer.normalize(input, key, ApiType.LOCATE);
        SearchOutcome outcome = searcher.searchDetailed(query);
        metrics.result("locate", outcome.best());
        RequestLog.result(ctx, outcome.best());
        if (outcome.best().isEmpty()) {
            throw new ApiException(ApiError.NOT_FOUND);
        }
        Result p = outcome.best().get();
        Map<String, Object> body = new LinkedHashMap<>();
        Map<String, Object> location = new LinkedHashMap<>();
        location.put("lat", p.lat());
        location.put("lng", p.lon());
        body.put("location", location);
        body.put("accuracy", p.accuracy());
        if (p.fallback() != null) {
            body.put("fallback", p.fallback());
        }
        RequestLog.response(ctx, body);
        Responses.json(ctx, 200, body);
    }
}
