package org.ichnaea.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ichnaea.http.json.Json;

/** Writing JSON answers and the error envelope. */
final class Responses {

    static final String JSON = "application/json";

    private Responses() {
    }

    static void json(Context ctx, int status, Object body) {
        ctx.status(status).contentType(JSON);
        if (ctx.method() != HandlerType.HEAD) {
            ctx.result(Json.write(body));
        } else {
            ctx.result("");
        }
    }

    /** {@code {"error": {"errors": [{domain, reason, message}], "code", "message"}}} plus top-level details. */
    static void error(Context ctx, ApiError error, Map<String, Object> details) {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("domain", error.domain());
        inner.put("reason", error.reason());
        inner.put("message", error.message());
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("errors", List.of(inner));
        envelope.put("code", error.status());
        envelope.put("message", error.message());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", envelope);
        if (details != null && !details.isEmpty()) {
            body.put("details", details);
        }
        json(ctx, error.status(), body);
    }
}
