package org.ichnaea.http.fallback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.ichnaea.core.apikey.ApiKey;
import org.ichnaea.core.apikey.ApiType;
import org.ichnaea.core.apikey.FallbackSchema;
import org.ichnaea.core.locate.LocateQuery;
import org.ichnaea.core.locate.QueryInput;
import org.ichnaea.core.locate.QueryNormalizer;
import org.ichnaea.core.locate.fallback.FallbackAnswer;
import org.ichnaea.core.locate.fallback.FallbackException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The outbound fallback client against a real HTTP server on loopback (docs/algorithms.md §9). */
class HttpFallbackClientTest {

    private HttpServer upstream;
    private final List<String> bodies = new ArrayList<>();
    private final List<String> paths = new ArrayList<>();
    private final List<String> agents = new ArrayList<>();
    private volatile int status = 200;
    private volatile String answer = "{\"location\":{\"lat\":51.5,\"lng\":-0.1},\"accuracy\":120.5}";
    private final AtomicInteger calls = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        upstream.createContext("/", exchange -> {
            calls.incrementAndGet();
            synchronized (bodies) {
                bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                paths.add(exchange.getRequestURI().getPath());
                agents.add(exchange.getRequestHeaders().getFirst("User-Agent"));
            }
            byte[] out = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, out.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(out);
            }
        });
        upstream.start();
    }

    @AfterEach
    void stop() {
        upstream.stop(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + upstream.getAddress().getPort() + path;
    }

    private ApiKey key(FallbackSchema schema, String url) {
        return new ApiKey("fb", null, true, true, true, "prov", schema, url, 0, 60, null, 100, 100);
    }

    private static LocateQuery query() {
        QueryInput input = new QueryInput("81.2.69.160", null, null, null,
                List.of(new QueryInput.Blue("01:23:45:67:89:ab", 100L, -70L, "b1"),
                        new QueryInput.Blue("01:23:45:67:89:ac", null, null, null)),
                List.of(new QueryInput.Cell("wcdma", 262L, 2L, 812L, 31234567L, 12L, 500L, -90L, null, null)),
                List.of(new QueryInput.Wifi("AA-BB-CC-00-11-22", 1200L, null, 2437L, -58L, 30L, "Home"),
                        new QueryInput.Wifi("aabbcc001133", null, 36L, null, -71L, null, null)));
        return new QueryNormalizer().normalize(input, null, ApiType.LOCATE);
    }

    @Test
    void ichnaea_v1_sends_the_validated_query_and_reads_the_answer() {
        FallbackAnswer answerFound = new HttpFallbackClient().locate(key(FallbackSchema.ICHNAEA_V1,
                url("/v1/geolocate?key=x")), query());
        assertThat(answerFound).isEqualTo(new FallbackAnswer.Found(51.5, -0.1, 120.5, null));
        assertThat(bodies).singleElement().isEqualTo("{\"fallbacks\":{\"lacf\":true,\"ipf\":false},"
                + "\"bluetoothBeacons\":[{\"macAddress\":\"0123456789ab\",\"age\":100,\"name\":\"b1\","
                + "\"signalStrength\":-70},{\"macAddress\":\"0123456789ac\"}],"
                + "\"cellTowers\":[{\"radioType\":\"wcdma\",\"mobileCountryCode\":262,\"mobileNetworkCode\":2,"
                + "\"locationAreaCode\":812,\"cellId\":31234567,\"primaryScramblingCode\":12,\"age\":500,"
                + "\"signalStrength\":-90}],"
                + "\"wifiAccessPoints\":[{\"macAddress\":\"aabbcc001122\",\"age\":1200,\"channel\":6,"
                + "\"signalStrength\":-58,\"signalToNoiseRatio\":30,\"ssid\":\"Home\"},"
                + "{\"macAddress\":\"aabbcc001133\",\"channel\":36,\"signalStrength\":-71}]}");
        assertThat(agents).containsExactly("ichnaea");
    }

    /** One cell of each radio the service locates, one Wi-Fi pair and one Bluetooth beacon. */
    private static LocateQuery everyRadio() {
        QueryInput input = new QueryInput("81.2.69.160", null, null, null,
                List.of(new QueryInput.Blue("A8-20-00-00-00-03", null, -70L, null),
                        new QueryInput.Blue("A8-20-00-00-00-04", null, -75L, null)),
                List.of(new QueryInput.Cell("gsm", 262L, 1L, 5126L, 16504L, null, null, null, null, null),
                        new QueryInput.Cell("wcdma", 262L, 2L, 812L, 31234567L, null, null, null, null, null),
                        new QueryInput.Cell("lte", 262L, 3L, 4711L, 120072636L, null, null, null, null, null),
                        new QueryInput.Cell("nr", 262L, 3L, 4711L, 68719476000L, null, null, null, null, null)),
                List.of(new QueryInput.Wifi("A8:20:00:00:00:01", null, null, null, -58L, null, null),
                        new QueryInput.Wifi("a8.20.00.00.00.02", null, null, null, -71L, null, null)));
        return new QueryNormalizer().normalize(input, null, ApiType.LOCATE);
    }

    private JsonNode sentFor(FallbackSchema schema, String path) throws IOException {
        bodies.clear();
        if (schema == FallbackSchema.UNWIREDLABS_V1) {
            answer = "{\"status\":\"ok\",\"lat\":52.5,\"lon\":13.4,\"accuracy\":800}";
        }
        new HttpFallbackClient().locate(key(schema, url(path)), everyRadio());
        return new ObjectMapper().readTree(bodies.get(0));
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.path(field).asText(null)));
        return out;
    }

    @Test
    void ichnaea_v1_sends_macs_as_bare_lower_case_hex_and_nr_as_cell_id() throws IOException {
        JsonNode sent = sentFor(FallbackSchema.ICHNAEA_V1, "/v1/geolocate");
        assertThat(texts(sent.path("wifiAccessPoints"), "macAddress")).containsExactly("a82000000001", "a82000000002");
        assertThat(texts(sent.path("bluetoothBeacons"), "macAddress")).containsExactly("a82000000003", "a82000000004");
        assertThat(texts(sent.path("cellTowers"), "radioType")).containsExactly("gsm", "wcdma", "lte", "nr");
        assertThat(sent.path("cellTowers").get(3).path("cellId").asLong()).isEqualTo(68719476000L);
        assertThat(sent.path("cellTowers").get(3).has("newRadioCellId")).isFalse();
    }

    @Test
    void combain_v1_sends_the_ichnaea_body_with_colon_macs() throws IOException {
        JsonNode sent = sentFor(FallbackSchema.COMBAIN_V1, "/");
        assertThat(texts(sent.path("wifiAccessPoints"), "macAddress"))
                .containsExactly("a8:20:00:00:00:01", "a8:20:00:00:00:02");
        assertThat(texts(sent.path("bluetoothBeacons"), "macAddress")).containsExactly("a8:20:00:00:00:03", "a8:20:00:00:00:04");
        assertThat(texts(sent.path("cellTowers"), "radioType")).containsExactly("gsm", "wcdma", "lte", "nr");
        assertThat(texts(sent.path("cellTowers"), "cellId"))
                .containsExactly("16504", "31234567", "120072636", "68719476000");
    }

    @Test
    void googlemaps_v1_sends_nr_cells_as_new_radio_cell_id_and_the_documented_radio_types() throws IOException {
        JsonNode sent = sentFor(FallbackSchema.GOOGLEMAPS_V1, "/geolocation/v1/geolocate");
        JsonNode towers = sent.path("cellTowers");
        assertThat(texts(towers, "radioType")).containsExactly("gsm", "wcdma", "lte", "nr");
        assertThat(texts(towers, "cellId")).containsExactly("16504", "31234567", "120072636", null);
        assertThat(texts(towers, "newRadioCellId")).containsExactly(null, null, null, "68719476000");
        assertThat(towers.get(3).path("locationAreaCode").asInt()).isEqualTo(4711);
        assertThat(texts(sent.path("wifiAccessPoints"), "macAddress"))
                .containsExactly("a8:20:00:00:00:01", "a8:20:00:00:00:02");
        assertThat(sent.has("bluetoothBeacons")).isFalse();
    }

    @Test
    void unwiredlabs_v1_sends_umts_for_wcdma_nr_as_cid_and_colon_bssids() throws IOException {
        JsonNode sent = sentFor(FallbackSchema.UNWIREDLABS_V1, "/v2/process.php#t");
        assertThat(texts(sent.path("cells"), "radio")).containsExactly("gsm", "umts", "lte", "nr");
        assertThat(texts(sent.path("cells"), "cid")).containsExactly("16504", "31234567", "120072636", "68719476000");
        assertThat(texts(sent.path("wifi"), "bssid")).containsExactly("a8:20:00:00:00:01", "a8:20:00:00:00:02");
    }

    @Test
    void googlemaps_v1_sends_no_bluetooth_no_psc_no_ssid_and_considerip_false() {
        new HttpFallbackClient().locate(key(FallbackSchema.GOOGLEMAPS_V1, url("/geolocation/v1/geolocate?key=g")),
                query());
        assertThat(bodies).singleElement().isEqualTo("{\"considerIp\":false,\"cellTowers\":[{\"radioType\":\"wcdma\","
                + "\"mobileCountryCode\":262,\"mobileNetworkCode\":2,\"locationAreaCode\":812,\"cellId\":31234567,"
                + "\"age\":500,\"signalStrength\":-90}],\"wifiAccessPoints\":[{\"macAddress\":\"aa:bb:cc:00:11:22\","
                + "\"age\":1200,\"channel\":6,\"signalStrength\":-58,\"signalToNoiseRatio\":30},"
                + "{\"macAddress\":\"aa:bb:cc:00:11:33\",\"channel\":36,\"signalStrength\":-71}]}");
    }

    @Test
    void unwiredlabs_v1_takes_the_token_from_the_url_fragment() {
        answer = "{\"status\":\"ok\",\"balance\":99,\"lat\":52.5,\"lon\":13.4,\"accuracy\":800}";
        FallbackAnswer found = new HttpFallbackClient().locate(key(FallbackSchema.UNWIREDLABS_V1,
                url("/v2/process.php#s3cret")), query());
        assertThat(found).isEqualTo(new FallbackAnswer.Found(52.5, 13.4, 800, null));
        assertThat(paths).containsExactly("/v2/process.php");
        assertThat(bodies.get(0)).startsWith("{\"token\":\"s3cret\",\"fallbacks\":{\"lacf\":true,\"ipf\":false},"
                + "\"cells\":[{\"radio\":\"umts\",\"mcc\":262,\"mnc\":2,\"lac\":812,\"cid\":31234567,\"signal\":-90,"
                + "\"psc\":12}],\"wifi\":[{\"bssid\":\"aa:bb:cc:00:11:22\",\"channel\":6,\"frequency\":2437,");

        answer = "{\"status\":\"error\",\"message\":\"No matches found\"}";
        assertThat(new HttpFallbackClient().locate(key(FallbackSchema.UNWIREDLABS_V1, url("/p#t")), query()))
                .isEqualTo(new FallbackAnswer.NotFound());
        answer = "{\"status\":\"error\",\"message\":\"Invalid token\"}";
        assertThatThrownBy(() -> new HttpFallbackClient().locate(key(FallbackSchema.UNWIREDLABS_V1, url("/p#t")),
                query())).isInstanceOf(FallbackException.class);
    }

    @Test
    void a_404_is_not_found_and_other_errors_and_bad_answers_are_failures() {
        HttpFallbackClient client = new HttpFallbackClient();
        ApiKey key = key(FallbackSchema.COMBAIN_V1, url("/"));
        status = 404;
        assertThat(client.locate(key, query())).isEqualTo(new FallbackAnswer.NotFound());
        status = 500;
        assertThatThrownBy(() -> client.locate(key, query())).isInstanceOf(FallbackException.class)
                .hasMessageContaining("HTTP 500");
        status = 200;
        answer = "{\"location\":{\"lat\":51.5},\"accuracy\":10}";
        assertThatThrownBy(() -> client.locate(key, query())).isInstanceOf(FallbackException.class);
        answer = "not json";
        assertThatThrownBy(() -> client.locate(key, query())).isInstanceOf(FallbackException.class);
        answer = "{\"location\":{\"lat\":51.5,\"lng\":1.5},\"accuracy\":10,\"fallback\":\"lacf\"}";
        assertThat(client.locate(key, query())).isEqualTo(new FallbackAnswer.Found(51.5, 1.5, 10, "lacf"));
        answer = "{\"location\":{\"lat\":51.5,\"lng\":1.5},\"accuracy\":10,\"fallback\":\"ipf\"}";
        assertThat(client.locate(key, query())).isEqualTo(new FallbackAnswer.Found(51.5, 1.5, 10, null));
    }

    @Test
    void a_refused_connection_is_retried_once_then_fails() {
        upstream.stop(0);
        assertThatThrownBy(() -> new HttpFallbackClient().locate(key(FallbackSchema.ICHNAEA_V1, url("/")), query()))
                .isInstanceOf(FallbackException.class).hasMessageContaining("fallback call failed");
    }
}
