package org.ichnaea.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.ichnaea.core.StoreUnavailableException;
import org.ichnaea.core.apikey.ApiKey;
import org.ichnaea.core.apikey.ApiType;
import org.ichnaea.core.submit.ReportInput;
import org.ichnaea.core.submit.SubmitService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The submit APIs (ichnaea-behaviour.md §1.5): {@code /v2/geosubmit} and {@code /v1/geosubmit} answer 200 {@code {}},
 * {@code /v1/submit} 204 with no body. A queue that cannot take the reports answers 503 so clients keep their data.
 */
final class GeosubmitHandler implements Handler {

    private static final Logger LOG = LoggerFactory.getLogger(GeosubmitHandler.class);

    private final ApiKeyGate gate;
    private final SubmitService submit;
    private final long maxBodyBytes;
    private final String apiPath;
    private final Function<JsonNode, List<ReportInput>> parser;
    private final boolean noContent;

    private GeosubmitHandler(ApiKeyGate gate, SubmitService submit, long maxBodyBytes, String apiPath,
                             Function<JsonNode, List<ReportInput>> parser, boolean noContent) {
        this.gate = gate;
        this.submit = submit;
        this.maxBodyBytes = maxBodyBytes;
        this.apiPath = apiPath;
        this.parser = parser;
        this.noContent = noContent;
    }

    static GeosubmitHandler v2(ApiKeyGate gate, SubmitService submit, long maxBodyBytes) {
        return new GeosubmitHandler(gate, submit, maxBodyBytes, "v2.geosubmit", RequestParsers::geosubmit, false);
    }

    static GeosubmitHandler v1(ApiKeyGate gate, SubmitService submit, long maxBodyBytes) {
        return new GeosubmitHandler(gate, submit, maxBodyBytes, "v1.geosubmit", RequestParsers::geosubmit, false);
    }

    static GeosubmitHandler v0(ApiKeyGate gate, SubmitService submit, long maxBodyBytes) {
        return new GeosubmitHandler(gate, submit, maxBodyBytes, "v1.submit", RequestParsers::submitV0, true);
    }

    @Override
    public void handle(Context ctx) {
        ApiKey key = gate.check(ctx, ApiType.SUBMIT, apiPath);
        List<ReportInput> reports = parser.apply(RequestBody.read(ctx, maxBodyBytes));
        try {
            submit.submit(reports, key);
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
