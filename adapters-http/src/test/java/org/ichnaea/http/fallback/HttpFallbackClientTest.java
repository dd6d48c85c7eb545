package org.ichnaea.http.fallback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
                + "\"bluetoothBeacons\":[{\"macAddress\":\"01:23:45:67:89:ab\",\"age\":100,\"name\":\"b1\","
                + "\"signalStrength\":-70},{\"macAddress\":\"01:23:45:67:89:ac\"}],"
                + "\"cellTowers\":[{\"radioType\":\"wcdma\",\"mobileCountryCode\":262,\"mobileNetworkCode\":2,"
                + "\"locationAreaCode\":812,\"cellId\":31234567,\"primaryScramblingCode\":12,\"age\":500,"
                + "\"signalStrength\":-90}],"
                + "\"wifiAccessPoints\":[{\"macAddress\":\"aa:bb:cc:00:11:22\",\"age\":1200,\"channel\":6,"
                + "\"signalStrength\":-58,\"signalToNoiseRatio\":30,\"ssid\":\"Home\"},"
                + "{\"macAddress\":\"aa:bb:cc:00:11:33\",\"channel\":36,\"signalStrength\":-71}]}");
        assertThat(agents).containsExactly("ichnaea");
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
