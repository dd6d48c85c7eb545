package org.ichnaea.http.fallback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.ichnaea.core.apikey.ApiKey;
import org.ichnaea.core.apikey.FallbackSchema;
import org.ichnaea.core.locate.LocateQuery;
import org.ichnaea.core.locate.fallback.FallbackAnswer;
import org.ichnaea.core.locate.fallback.FallbackClient;
import org.ichnaea.core.locate.fallback.FallbackException;
import org.ichnaea.core.radio.BlueObservation;
import org.ichnaea.core.radio.CellObservation;
import org.ichnaea.core.radio.MacAddress;
import org.ichnaea.core.radio.RadioType;
import org.ichnaea.core.radio.WifiObservation;
import org.ichnaea.http.json.Json;

/**
 * The external fallback provider over HTTP (docs/algorithms.md §9), in the four dialects {@code ichnaea/v1},
 * {@code combain/v1}, {@code googlemaps/v1} and {@code unwiredlabs/v1}: a JSON POST built from the validated query,
 * 5 s timeout, one retry on connection failure, at most {@link #MAX_CONCURRENT} calls at once.
 *
 * <p>What each dialect sends differs where its provider says so (docs/algorithms.md §9, "Request bodies"): MACs go to
 * {@code ichnaea/v1} as bare lower-case hex ({@code a82000000001}), as Ichnaea itself sends them, and to the others
 * in colon form; an NR cell goes to {@code googlemaps/v1} as {@code newRadioCellId} (Google's Geolocation API rejects
 * {@code cellId} for {@code nr}), to the others as {@code cellId} / {@code cid}; WCDMA is {@code umts} for Unwired
 * Labs.
 */
public final class HttpFallbackClient implements FallbackClient {

    public static final Duration TIMEOUT = Duration.ofSeconds(5);
    public static final int MAX_CONCURRENT = 20;

    private final HttpClient http;
    private final Semaphore permits = new Semaphore(MAX_CONCURRENT);

    public HttpFallbackClient() {
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NORMAL)
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    @Override
    public FallbackAnswer locate(ApiKey key, LocateQuery query) {
        FallbackSchema schema = key.fallbackSchema();
        String url = key.fallbackUrl();
        String token = null;
        if (schema == FallbackSchema.UNWIREDLABS_V1 && url.contains("#")) {
            token = url.substring(url.indexOf('#') + 1);
            url = url.substring(0, url.indexOf('#'));
        }
        String body = Json.write(switch (schema) {
            case ICHNAEA_V1 -> ichnaeaBody(query, MacAddress::hex);
            case COMBAIN_V1 -> ichnaeaBody(query, HttpFallbackClient::colons);
            case GOOGLEMAPS_V1 -> googleBody(query);
            case UNWIREDLABS_V1 -> unwiredBody(query, token);
        });
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                    .header("Content-Type", "application/json").header("User-Agent", "ichnaea")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        } catch (IllegalArgumentException e) {
            throw new FallbackException("invalid fallback URL for " + key.fallbackName(), e);
        }
        HttpResponse<String> response = send(request);
        int status = response.statusCode();
        if (status == 404) {
            return new FallbackAnswer.NotFound();
        }
        if (status < 200 || status > 299) {
            throw new FallbackException("fallback " + key.fallbackName() + " answered HTTP " + status);
        }
        JsonNode json;
        try {
            json = Json.parse(response.body());
        } catch (IOException e) {
            throw new FallbackException("fallback " + key.fallbackName() + " answered invalid JSON", e);
        }
        return schema == FallbackSchema.UNWIREDLABS_V1 ? unwiredAnswer(json) : googleStyleAnswer(json);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            if (!permits.tryAcquire(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new FallbackException("too many fallback calls in flight");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FallbackException("interrupted", e);
        }
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    return http.send(request, HttpResponse.BodyHandlers.ofString());
                } catch (IOException e) {
                    if (attempt >= 2) {
                        throw new FallbackException("fallback call failed: " + e, e);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FallbackException("interrupted", e);
        } finally {
            permits.release();
        }
    }

    private static FallbackAnswer googleStyleAnswer(JsonNode json) {
        JsonNode location = json.path("location");
        Double lat = Json.number(location.get("lat"));
        Double lng = Json.number(location.get("lng"));
        Double accuracy = Json.number(json.get("accuracy"));
        if (lat == null || lng == null || accuracy == null || !location.get("lat").isNumber()) {
            throw new FallbackException("fallback answer without location.lat, location.lng and accuracy");
        }
        return new FallbackAnswer.Found(lat, lng, accuracy, Json.string(json.get("fallback")));
    }

    private static FallbackAnswer unwiredAnswer(JsonNode json) {
        String status = Json.string(json.get("status"));
        if (status == null) {
            throw new FallbackException("unwiredlabs answer without status");
        }
        if (!"ok".equals(status)) {
            if ("No matches found".equals(Json.string(json.get("message")))) {
                return new FallbackAnswer.NotFound();
            }
            throw new FallbackException("unwiredlabs answered " + status + ": " + Json.string(json.get("message")));
        }
        Double lat = Json.number(json.get("lat"));
        Double lon = Json.number(json.get("lon"));
        Double accuracy = Json.number(json.get("accuracy"));
        if (lat == null || lon == null || accuracy == null) {
            throw new FallbackException("unwiredlabs answer without lat, lon and accuracy");
        }
        return new FallbackAnswer.Found(lat, lon, accuracy, Json.string(json.get("fallback")));
    }

    /** A MAC in colon form, {@code aa:bb:cc:00:11:22}. */
    static String colons(MacAddress mac) {
        String hex = mac.hex();
        StringBuilder out = new StringBuilder(17);
        for (int i = 0; i < 12; i += 2) {
            if (i > 0) {
                out.append(':');
            }
            out.append(hex, i, i + 2);
        }
        return out.toString();
    }

    private static void put(ObjectNode node, String name, Integer value) {
        if (value != null) {
            node.put(name, value);
        }
    }

    static ObjectNode ichnaeaBody(LocateQuery q, Function<MacAddress, String> macForm) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        ObjectNode fallbacks = body.putObject("fallbacks");
        fallbacks.put("lacf", q.lacf());
        fallbacks.put("ipf", false);
        if (!q.blues().isEmpty()) {
            ArrayNode blues = body.putArray("bluetoothBeacons");
            for (BlueObservation b : q.blues()) {
                ObjectNode n = blues.addObject();
                n.put("macAddress", macForm.apply(b.mac()));
                put(n, "age", b.age());
                if (b.name() != null) {
                    n.put("name", b.name());
                }
                put(n, "signalStrength", b.signal());
            }
        }
        cells(body, q, true, false);
        wifis(body, q, true, macForm);
        return body;
    }

    static ObjectNode googleBody(LocateQuery q) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("considerIp", false);
        cells(body, q, false, true);
        wifis(body, q, false, HttpFallbackClient::colons);
        return body;
    }

    private static void cells(ObjectNode body, LocateQuery q, boolean withPsc, boolean nrAsNewRadioCellId) {
        if (q.cells().isEmpty()) {
            return;
        }
        ArrayNode cells = body.putArray("cellTowers");
        for (CellObservation c : q.cells()) {
            ObjectNode n = cells.addObject();
            n.put("radioType", c.radio().label());
            n.put("mobileCountryCode", c.mcc());
            n.put("mobileNetworkCode", c.mnc());
            put(n, "locationAreaCode", c.lac());
            if (c.cid() != null) {
                n.put(nrAsNewRadioCellId && c.radio() == RadioType.NR ? "newRadioCellId" : "cellId", c.cid());
            }
            if (withPsc) {
                put(n, "primaryScramblingCode", c.psc());
            }
            put(n, "age", c.age());
            put(n, "signalStrength", c.signal());
            put(n, "timingAdvance", c.ta());
        }
    }

    private static void wifis(ObjectNode body, LocateQuery q, boolean withSsid,
            Function<MacAddress, String> macForm) {
        if (q.wifis().isEmpty()) {
            return;
        }
        ArrayNode wifis = body.putArray("wifiAccessPoints");
        for (WifiObservation w : q.wifis()) {
            ObjectNode n = wifis.addObject();
            n.put("macAddress", macForm.apply(w.mac()));
            put(n, "age", w.age());
            put(n, "channel", w.channel());
            put(n, "signalStrength", w.signal());
            put(n, "signalToNoiseRatio", w.snr());
            if (withSsid && w.ssid() != null) {
                n.put("ssid", w.ssid());
            }
        }
    }

    static ObjectNode unwiredBody(LocateQuery q, String token) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        if (token != null) {
            body.put("token", token);
        }
        ObjectNode fallbacks = body.putObject("fallbacks");
        fallbacks.put("lacf", q.lacf());
        fallbacks.put("ipf", false);
        if (!q.cells().isEmpty()) {
            ArrayNode cells = body.putArray("cells");
            for (CellObservation c : q.cells()) {
                ObjectNode n = cells.addObject();
                n.put("radio", c.radio() == RadioType.WCDMA ? "umts" : c.radio().label());
                n.put("mcc", c.mcc());
                n.put("mnc", c.mnc());
                put(n, "lac", c.lac());
                if (c.cid() != null) {
                    n.put("cid", c.cid());
                }
                put(n, "signal", c.signal());
                put(n, "tA", c.ta());
                put(n, "psc", c.psc());
                put(n, "asu", c.asu());
            }
        }
        if (!q.wifis().isEmpty()) {
            ArrayNode wifis = body.putArray("wifi");
            for (WifiObservation w : q.wifis()) {
                ObjectNode n = wifis.addObject();
                n.put("bssid", colons(w.mac()));
                put(n, "channel", w.channel());
                put(n, "frequency", w.frequency());
                put(n, "signal", w.signal());
                put(n, "signalToNoiseRatio", w.snr());
            }
        }
        return body;
    }
}
