package org.ichnaea.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.ichnaea.core.apikey.ApiKey;
import org.ichnaea.core.apikey.ApiType;
import org.ichnaea.core.locate.QueryNormalizer;
import org.ichnaea.core.locate.RegionAnswer;
import org.ichnaea.core.locate.RegionSearcher;

/** {@code /v1/country} and its alias {@code /v1/region} (ichnaea-behaviour.md §1.4). */
final class RegionHandler implements Handler {

    private final ApiKeyGate gate;
    private final QueryNormalizer normalizer;
    private final RegionSearcher searcher;
    private final long maxBodyBytes;

    RegionHandler(ApiKeyGate gate, QueryNormalizer normalizer, RegionSearcher searcher, long maxBodyBytes) {
        this.gate = gate;
        this.normalizer = normalizer;
        this.searcher = searcher;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void handle(Context ctx) {
        ApiKey key = gate.check(ctx, ApiType.REGION, "v1.country");
        var input = RequestParsers.locate(RequestBody.read(ctx, maxBodyBytes), ClientAddress.of(ctx));
        Optional<RegionAnswer> answer = searcher.search(normalizer.normalize(input, key, ApiType.REGION));
        if (answer.isEmpty()) {
            throw new ApiException(ApiError.NOT_FOUND);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("country_code", answer.get().code());
        body.put("country_name", answer.get().name());
        if (answer.get().fallback() != null) {
            body.put("fallback", answer.get().fallback());
        }
        Responses.json(ctx, 200, body);
    }
}
