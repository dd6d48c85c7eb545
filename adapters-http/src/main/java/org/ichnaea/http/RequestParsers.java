package org.ichnaea.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.ichnaea.core.locate.QueryInput;
import org.ichnaea.core.submit.ReportInput;
import org.ichnaea.http.json.Json;

/**
 * Maps request JSON to core's raw inputs, leniently (docs/api.md "Lenient parsing"): unknown keys are ignored, a value
 * of the wrong type inside an entry drops that field, an entry that is not an object is dropped; only a top level of
 * the wrong shape, or a network list longer than its cap ({@link #QUERY_MAX_WIFIS}, {@link #REPORT_MAX_WIFIS}, ...), is
 * a parse error.
 */
final class RequestParsers {

    /**
     * The most Wi-Fi networks one locate or region query may list (api.md, "Limits"). A dense city scan sees one to
     * three hundred BSSIDs. The clustering of the known networks costs the cube of their number: 500 take about
     * 0.1 s at worst, 1,000 about 0.8 s.
     */
    static final int QUERY_MAX_WIFIS = 500;
    /** The most Bluetooth beacons per query (clustered like Wi-Fi); a crowded hall shows a few hundred devices. */
    static final int QUERY_MAX_BLUES = 500;
    /** The most cells per query; a dual-SIM phone with neighbour cells reports a few dozen. */
    static final int QUERY_MAX_CELLS = 250;
    /**
     * The most Wi-Fi networks per submitted report: more room than a query, since a report's cost is linear in its
     * networks, and a refused report refuses the client's whole submission.
     */
    static final int REPORT_MAX_WIFIS = 1000;
    /** The most Bluetooth beacons per submitted report. */
    static final int REPORT_MAX_BLUES = 1000;
    /** The most cells per submitted report. */
    static final int REPORT_MAX_CELLS = 250;

    private RequestParsers() {
    }

    /** A geolocate/region body; null (empty body) is an empty query. */
    static QueryInput locate(JsonNode body, String clientIp) {
        if (body == null) {
            return new QueryInput(clientIp, null, null, null, null, null, null);
        }
        requireObject(body, "");
        QueryInput.Fallbacks fallbacks = null;
        JsonNode fb = body.get("fallbacks");
        if (fb != null && fb.isObject()) {
            fallbacks = new QueryInput.Fallbacks(Json.bool(fb.get("lacf")), Json.bool(fb.get("ipf")));
        } else if (fb != null && !fb.isNull()) {
            fallbacks = new QueryInput.Fallbacks(null, null);
        }
        return new QueryInput(clientIp, Json.bool(body.get("considerIp")), fallbacks,
                Json.string(body.get("radioType")),
                list(body, "bluetoothBeacons", "", QUERY_MAX_BLUES, RequestParsers::blue),
                list(body, "cellTowers", "", QUERY_MAX_CELLS, RequestParsers::cell),
                list(body, "wifiAccessPoints", "", QUERY_MAX_WIFIS, RequestParsers::wifi));
    }

    static void requireObject(JsonNode body, String path) {
        if (!body.isObject()) {
            throw new ApiException(ApiError.PARSE_ERROR, Map.of("validation",
                    Map.of(path, "\"" + body + "\" is not a mapping type")));
        }
    }

    /**
     * The entries of the list {@code name} of {@code parent}. A list longer than {@code max} entries (as sent, valid
     * or not) is refused with a parse error naming it ({@code prefix + name}, Ichnaea's field path) and colander's
     * message, rather than truncated: the client learns that its data was not used.
     */
    static <T> List<T> list(JsonNode parent, String name, String prefix, int max, Function<JsonNode, T> entry) {
        JsonNode node = parent.get(name);
        if (node != null && node.isArray() && node.size() > max) {
            throw new ApiException(ApiError.PARSE_ERROR, Map.of("validation",
                    Map.of(prefix + name, "Longer than maximum length " + max)));
        }
        return list(node, entry);
    }

    static <T> List<T> list(JsonNode node, Function<JsonNode, T> entry) {
        if (node == null || !node.isArray()) {
            return List.of();
        }
        List<T> out = new ArrayList<>(node.size());
        for (JsonNode item : node) {
            if (item.isObject()) {
                T value = entry.apply(item);
                if (value != null) {
                    out.add(value);
                }
            }
        }
        return out;
    }

    static QueryInput.Blue blue(JsonNode n) {
        return new QueryInput.Blue(Json.string(Json.field(n, "macAddress", "key")), Json.integer(n.get("age")),
                Json.integer(Json.field(n, "signalStrength", "signal")), Json.string(n.get("name")));
    }

    static QueryInput.Wifi wifi(JsonNode n) {
        return new QueryInput.Wifi(Json.string(Json.field(n, "macAddress", "key")), Json.integer(n.get("age")),
                Json.integer(n.get("channel")), Json.integer(n.get("frequency")),
                Json.integer(Json.field(n, "signalStrength", "signal")),
                Json.integer(n.get("signalToNoiseRatio")), Json.string(n.get("ssid")));
    }

    /**
     * A cell tower: {@code psc} is an alias of {@code primaryScramblingCode} (the explicit one wins), Google's
     * {@code newRadioCellId} carries NR cell ids, v0 names ({@code radio}, {@code mcc}, {@code cid}, ...) too.
     */
    static QueryInput.Cell cell(JsonNode n) {
        Long cellId = Json.integer(Json.field(n, "cellId", "newRadioCellId", "cid"));
        return new QueryInput.Cell(Json.string(Json.field(n, "radioType", "radio")),
                Json.integer(Json.field(n, "mobileCountryCode", "mcc")),
                Json.integer(Json.field(n, "mobileNetworkCode", "mnc")),
                Json.integer(Json.field(n, "locationAreaCode", "lac", "trackingAreaCode")), cellId,
                Json.integer(Json.field(n, "primaryScramblingCode", "psc", "physicalCellId", "pci")),
                Json.integer(n.get("age")), Json.integer(Json.field(n, "signalStrength", "signal")),
                Json.integer(n.get("asu")), Json.integer(Json.field(n, "timingAdvance", "ta")));
    }

    /**
     * The {@code items} list of a submission: an empty body is a parse error without details, a missing list one
     * with {@code {"items": "Required"}} (docs/api.md "/v2/geosubmit", "/v1/geosubmit", "/v1/submit").
     */
    private static JsonNode items(JsonNode body) {
        if (body == null) {
            throw new ApiException(ApiError.PARSE_ERROR);
        }
        requireObject(body, "");
        JsonNode items = body.get("items");
        if (items == null || items.isNull()) {
            throw new ApiException(ApiError.PARSE_ERROR, Map.of("validation", Map.of("items", "Required")));
        }
        if (!items.isArray()) {
            throw new ApiException(ApiError.PARSE_ERROR, Map.of("validation",
                    Map.of("items", "\"" + items + "\" is not iterable")));
        }
        return items;
    }

    /** The reports of a submission, and how many of its items were old {@code /v1/submit} items. */
    record Submission(List<ReportInput> reports, int v0Items) {
    }

    /**
     * Geosubmit v2 (and v1 flat items, whose position fields sit on the item), and, as an extension, old
     * {@code /v1/submit} items ({@link #isV0Item}), which GeoClue 2.6 posts to {@code /v2/geosubmit}.
     */
    static Submission geosubmit(JsonNode body) {
        JsonNode items = items(body);
        List<ReportInput> reports = new ArrayList<>(items.size());
        int v0Items = 0;
        int index = -1;
        for (JsonNode item : items) {
            index++;
            if (!item.isObject()) {
                continue;
            }
            String prefix = "items." + index + ".";
            if (isV0Item(item)) {
                reports.add(v0Item(item, prefix));
                v0Items++;
                continue;
            }
            JsonNode p = item.get("position");
            JsonNode pos = p != null && p.isObject() ? p : item;
            ReportInput.Position position = new ReportInput.Position(Json.number(pos.get("latitude")),
                    Json.number(pos.get("longitude")), Json.number(pos.get("accuracy")),
                    Json.number(pos.get("altitude")), Json.number(pos.get("altitudeAccuracy")),
                    Json.number(pos.get("heading")), Json.number(pos.get("pressure")), Json.number(pos.get("speed")),
                    Json.integer(pos.get("age")), Json.string(pos.get("source")));
            reports.add(new ReportInput(Json.integer(item.get("timestamp")), position,
                    Json.string(item.get("radioType")),
                    list(item, "bluetoothBeacons", prefix, REPORT_MAX_BLUES, RequestParsers::blue),
                    list(item, "cellTowers", prefix, REPORT_MAX_CELLS, RequestParsers::cell),
                    list(item, "wifiAccessPoints", prefix, REPORT_MAX_WIFIS, RequestParsers::wifi)));
        }
        return new Submission(reports, v0Items);
    }

    /**
     * Whether a geosubmit item is an old {@code /v1/submit} item: no {@code position} object and no
     * {@code latitude}, but {@code lat} and at least one of the lists {@code wifi}, {@code cell}, {@code blue} (and
     * none of the v2 lists). GeoClue 2.6 (Debian bookworm) sends such items to its default submission URL,
     * {@code /v2/geosubmit}; Ichnaea dropped them, this service reads them as {@code /v1/submit} would.
     */
    static boolean isV0Item(JsonNode item) {
        JsonNode position = item.get("position");
        return (position == null || !position.isObject()) && item.get("latitude") == null && item.get("lat") != null
                && (item.get("wifi") != null || item.get("cell") != null || item.get("blue") != null)
                && item.get("wifiAccessPoints") == null && item.get("cellTowers") == null
                && item.get("bluetoothBeacons") == null;
    }

    /** The deprecated {@code /v1/submit} ("v0") format, renamed to v2 names. */
    static List<ReportInput> submitV0(JsonNode body) {
        JsonNode items = items(body);
        List<ReportInput> reports = new ArrayList<>(items.size());
        int index = -1;
        for (JsonNode item : items) {
            index++;
            if (item.isObject()) {
                reports.add(v0Item(item, "items." + index + "."));
            }
        }
        return reports;
    }

    /** One {@code /v1/submit} item; {@code prefix} names it in parse errors. */
    private static ReportInput v0Item(JsonNode item, String prefix) {
        ReportInput.Position position = new ReportInput.Position(Json.number(item.get("lat")),
                Json.number(item.get("lon")), Json.number(item.get("accuracy")),
                Json.number(item.get("altitude")), Json.number(item.get("altitude_accuracy")),
                Json.number(item.get("heading")), Json.number(item.get("pressure")),
                Json.number(item.get("speed")), Json.integer(item.get("age")), Json.string(item.get("source")));
        return new ReportInput(IsoTimes.toMillis(Json.string(item.get("time"))), position,
                Json.string(item.get("radio")),
                list(item, "blue", prefix, REPORT_MAX_BLUES, RequestParsers::blue),
                list(item, "cell", prefix, REPORT_MAX_CELLS, RequestParsers::cell),
                list(item, "wifi", prefix, REPORT_MAX_WIFIS, RequestParsers::wifi));
    }
}
