package org.ichnaea.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.ichnaea.core.locate.QueryInput;
import org.ichnaea.core.submit.ReportInput;
import org.ichnaea.http.json.Json;

/**
 * The API's request parsers, for callers outside the web tier that must read requests exactly as the service does
 * (the {@code evaluate} command): the same leniency, field aliases and caps (docs/api.md "Lenient parsing"). A body of
 * the wrong shape, or a network list over its cap, throws {@link ApiException} ({@code parseError}), as the API would
 * answer.
 */
public final class RequestJson {

    private RequestJson() {
    }

    /** A {@code /v1/geolocate} body, as the service reads it from a client without an address. */
    public static QueryInput geolocate(JsonNode body) {
        return RequestParsers.locate(body, null);
    }

    /** The reports of a {@code /v2/geosubmit} body ({@code {"items": [...]}}). */
    public static List<ReportInput> geosubmit(JsonNode body) {
        return RequestParsers.geosubmit(body).reports();
    }

    /** One item of a {@code /v2/geosubmit} body, read as if it were sent alone; empty if it is not an object. */
    public static List<ReportInput> geosubmitItem(JsonNode item) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.putArray("items").add(item);
        return RequestParsers.geosubmit(body).reports();
    }
}
