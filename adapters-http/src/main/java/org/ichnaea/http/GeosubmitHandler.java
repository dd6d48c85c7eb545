package org.ichnaea.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Map;
import java.util.function.Function;
import org.ichnaea.core.StoreUnavailableException;
import org.ichnaea.core.apikey.ApiKey;
import org.ichnaea.core.apikey.ApiType;
import org.ichnaea.core.submit.SubmitService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The submit APIs (docs/api.md "/v2/geosubmit", "/v1/geosubmit", "/v1/submit"): {@code /v2/geosubmit} and
 * {@code /v1/geosubmit} answer 200 {@code {}}, {@code /v1/submit} 204 with no body. A queue that cannot take the
 * reports answers 503 so clients keep their data. Old {@code /v1/submit} items posted to the geosubmit APIs (GeoClue
 * 2.6) are read as such and counted ({@code submit_v0_items}).
 */
final class GeosubmitHandler implements Handler {

    private static final Logger LOG = LoggerFactory.getLogger(GeosubmitHandler.class);

    private final ApiKeyGate gate;
    private final SubmitService submit;
    private final long maxBodyBytes;
    private final String apiPath;
    private final Function<JsonNode, RequestParsers.Submission> parser;
    private final boolean noContent;
    private final WebMetrics metrics;

    private GeosubmitHandler(ApiKeyGate gate, SubmitService submit, long maxBodyBytes, String apiPath,
                             Function<JsonNode, RequestParsers.Submission> parser, boolean noContent,
                             WebMetrics metrics) {
        this.gate = gate;
        this.submit = submit;
        this.maxBodyBytes = maxBodyBytes;
        this.apiPath = apiPath;
        this.parser = parser;
        this.noContent = noContent;
        this.metrics = metrics;
    }

    static GeosubmitHandler v2(ApiKeyGate gate, SubmitService submit, long maxBodyBytes, WebMetrics metrics) {
        return new GeosubmitHandler(gate, submit, maxBodyBytes, "v2.geosubmit", RequestParsers::geosubmit, false,
                metrics);
    }

    static GeosubmitHandler v1(ApiKeyGate gate, SubmitService submit, long maxBodyBytes, WebMetrics metrics) {
        return new GeosubmitHandler(gate, submit, maxBodyBytes, "v1.geosubmit", RequestParsers::geosubmit, false,
                metrics);
    }

    static GeosubmitHandler v0(ApiKeyGate gate, SubmitService submit, long maxBodyBytes, WebMetrics metrics) {
        return new GeosubmitHandler(gate, submit, maxBodyBytes, "v1.submit",
                body -> new RequestParsers.Submission(RequestParsers.submitV0(body), 0), true, metrics);
    }

    @Override
    public void handle(Context ctx) {
        ApiKey key = gate.check(ctx, ApiType.SUBMIT, apiPath);
        RequestParsers.Submission submission = parser.apply(RequestBody.read(ctx, maxBodyBytes));
        if (submission.v0Items() > 0) {
            metrics.v0Items(apiPath, submission.v0Items());
        }
        try {
            submit.submit(submission.reports(), key);
        } catch (StoreUnavailableException e) {
            LOG.warn("submission refused, queue unavailable: {}", e.getMessage());
            throw new ApiException(ApiError.SERVICE_UNAVAILABLE);
        }
        if (noContent) {
            ctx.status(204).result("");
            ctx.res().setContentType(null);
        } else {
            Responses.json(ctx, 200, Map.of());
        }
    }
}
