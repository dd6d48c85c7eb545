package org.ichnaea.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.ichnaea.core.apikey.ApiKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * What an operator coming from Ichnaea gets: the request log line with the answer's source, fallback and signature
 * ({@code SECRET_KEY}), {@code LOG_FORMAT=json}, Sentry ({@code SENTRY_DSN}) and StatsD ({@code STATSD_HOST}), each
 * checked against a receiver of the test's own on loopback.
 */
class OperatorTelemetryTest {

    /** Two Wi-Fi networks nobody knows: the answer falls back to GeoIP, and says so ({@code "fallback":"ipf"}). */
    private static final String UNKNOWN_WIFI = "{\"wifiAccessPoints\":[{\"macAddress\":\"3c:3c:3c:00:00:01\"},"
            + "{\"macAddress\":\"3c:3c:3c:00:00:02\"}]}";
    private static final String LOCATE_HIT = "{\"location\":{\"lat\":54.0679,\"lng\":12.1186},\"accuracy\":5000.0,"
            + "\"fallback\":\"ipf\"}";

    @TempDir
    Path dataDir;

    @AfterEach
    void plainLogsAgain() {
        Logging.configure(Settings.from(Map.of()));
    }

    private Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>(Map.of("ICHNAEA_DATA_DIR", dataDir.toString()));
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    private static Response locate(io.javalin.testtools.HttpClient client, String body) {
        return client.request("/v1/geolocate?key=k", b -> b.post(HttpRequest.BodyPublishers.ofString(body))
                .header("X-Forwarded-For", "193.99.144.80"));
    }

    @Test
    void the_request_line_names_the_source_the_fallback_and_ichnaeas_response_signature() throws IOException {
        ch.qos.logback.classic.Logger requests = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(
                "org.ichnaea.http.requests");
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        requests.addAppender(lines);
        Settings settings = Settings.from(env("SECRET_KEY", "s3cret"));
        Logging.configure(settings);
        int[] port = {0};
        try (Application app = Application.open(settings)) {
            app.keys.save(ApiKey.unlimited("k"));
            JavalinTest.test(app.web(Clock.systemUTC()), (server, client) -> {
                port[0] = server.port();
                assertThat(locate(client, UNKNOWN_WIFI).body().string()).isEqualTo(LOCATE_HIT);
                assertThat(locate(client, "{\"considerIp\":false}").code()).isEqualTo(404);
                assertThat(locate(client, "{}").code()).as("IP only: GeoIP, no fallback field").isEqualTo(200);
                assertThat(client.get("/__lbheartbeat__").code()).isEqualTo(200);
            });
        } finally {
            requests.detachAppender(lines);
        }
        List<String> messages = lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        // Ichnaea's generate_signature("response-sig", json.dumps(response, sort_keys=True), client_addr, url).
        String python = "{\"accuracy\": 5000.0, \"fallback\": \"ipf\", \"location\": {\"lat\": 54.0679, "
                + "\"lng\": 12.1186}}";
        String sig = sha512(python + "193.99.144.80" + "http://127.0.0.1:" + port[0] + "/v1/geolocate?key=k"
                + "response-sig" + "s3cret").substring(0, 8);
        messages = messages.stream().filter(m -> !m.contains("/clear-cookies")).toList(); // JavalinTest's own
        assertThat(messages).hasSize(4);
        assertThat(messages.get(0)).matches("http_method=POST http_path=/v1/geolocate http_status=200 "
                + "duration_ms=[0-9.]+ api_path=v1.geolocate api_key=\\S+ result_status=hit "
                + "result_source=geoip result_fallback=ipf api_response_sig=" + sig);
        assertThat(messages.get(1)).contains(" http_status=404 ")
                .endsWith(" result_status=miss result_source=- result_fallback=-");
        assertThat(messages.get(2)).contains(" http_status=200 ").contains(" result_status=hit result_source=geoip "
                + "result_fallback=- api_response_sig=");
        assertThat(messages.get(3)).as("not a locate request").doesNotContain("result_");
        assertThat(lines.list.get(0).getKeyValuePairs()).anySatisfy(kv -> {
            assertThat(kv.key).isEqualTo("result_source");
            assertThat(kv.value).isEqualTo("geoip");
        });
    }

    @Test
    void log_format_json_writes_one_json_object_per_event_with_the_request_fields() throws Exception {
        Settings settings = Settings.from(env("LOG_FORMAT", "json"));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            Logging.configure(settings);
            // The stderr appender of logback.xml, with the encoder LOG_FORMAT chose, writing into the test's buffer.
            ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(
                    org.slf4j.Logger.ROOT_LOGGER_NAME);
            ((ch.qos.logback.core.OutputStreamAppender<ILoggingEvent>) root.getAppender(Logging.STDERR_APPENDER))
                    .setOutputStream(err);
            try (Application app = Application.open(settings)) {
                app.keys.save(ApiKey.unlimited("k"));
                JavalinTest.test(app.web(Clock.systemUTC()), (server, client) ->
                        assertThat(locate(client, UNKNOWN_WIFI).code()).isEqualTo(200));
            }
            LoggerFactory.getLogger("org.ichnaea.test").warn("a warning with \"quotes\"");
        } finally {
            Logging.configure(Settings.from(Map.of()));
        }
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> events = new ArrayList<>();
        for (String line : err.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                events.add(json.readTree(line));
            }
        }
        assertThat(events).as("every line is one JSON object").isNotEmpty().allSatisfy(e -> {
            assertThat(e.isObject()).isTrue();
            assertThat(e.path("level").asText()).isNotEmpty();
        });
        JsonNode request = events.stream().filter(e -> e.path("loggerName").asText()
                .equals("org.ichnaea.http.requests")).findFirst().orElseThrow(() -> new AssertionError(
                        "no request line in:\n" + err.toString(StandardCharsets.UTF_8)));
        assertThat(request.path("formattedMessage").asText()).contains("result_source=geoip");
        Map<String, String> fields = new HashMap<>();
        request.path("kvpList").forEach(kv -> kv.fields().forEachRemaining(f -> fields.put(f.getKey(),
                f.getValue().asText())));
        assertThat(fields).containsEntry("http_status", "200").containsEntry("result_status", "hit")
                .containsEntry("result_source", "geoip").containsEntry("result_fallback", "ipf")
                .containsKey("api_response_sig");
        assertThat(events).anySatisfy(e -> assertThat(e.path("formattedMessage").asText())
                .isEqualTo("a warning with \"quotes\""));
    }

    @Test
    void error_events_reach_sentry_through_its_envelope_endpoint_on_loopback() throws Exception {
        BlockingQueue<String> envelopes = new LinkedBlockingQueue<>();
        HttpServer sentry = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        sentry.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                body = new GZIPInputStream(new ByteArrayInputStream(body)).readAllBytes();
            }
            envelopes.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + "\n"
                    + new String(body, StandardCharsets.UTF_8));
            byte[] answer = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        sentry.start();
        try {
            String dsn = "http://0123456789abcdef@127.0.0.1:" + sentry.getAddress().getPort() + "/42";
            Logging.configure(Settings.from(env("SENTRY_DSN", dsn, "SENTRY_ENVIRONMENT", "loopback-test")));
            LoggerFactory.getLogger("org.ichnaea.test").warn("only a warning");
            LoggerFactory.getLogger("org.ichnaea.test").error("the pipeline broke",
                    new IllegalStateException("kaboom-4711"));
            io.sentry.Sentry.flush(5000);
            String envelope = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (envelope == null && System.nanoTime() < deadline) {
                String next = envelopes.poll(200, TimeUnit.MILLISECONDS);
                if (next != null && next.contains("kaboom-4711")) {
                    envelope = next;
                }
            }
            assertThat(envelope).as("an envelope with the error").isNotNull();
            assertThat(envelope).startsWith("POST /api/42/envelope/").contains("the pipeline broke")
                    .contains("IllegalStateException").contains("\"environment\":\"loopback-test\"");
            assertThat(envelopes).noneSatisfy(e -> assertThat(e).contains("\"message\":\"only a warning\""));
        } finally {
            Logging.configure(Settings.from(Map.of()));
            sentry.stop(0);
        }
        assertThat(io.sentry.Sentry.isEnabled()).as("closed with the settings that drop it").isFalse();
    }

    @Test
    void request_metrics_reach_a_statsd_agent_on_loopback() throws Exception {
        try (DatagramSocket agent = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            agent.setSoTimeout(200);
            Settings settings = Settings.from(env("STATSD_HOST", "127.0.0.1", "STATSD_PORT",
                    Integer.toString(agent.getLocalPort())));
            List<String> received = new ArrayList<>();
            try (Application app = Application.open(settings)) {
                JavalinTest.test(app.web(Clock.systemUTC()), (server, client) -> {
                    byte[] buffer = new byte[65536];
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                    while (System.nanoTime() < deadline && received.stream()
                            .noneMatch(l -> l.startsWith("http_server_requests"))) {
                        // Lines recorded while the registry's UDP client still connects may be dropped: ask again.
                        assertThat(client.get("/__lbheartbeat__").code()).isEqualTo(200);
                        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                        try {
                            agent.receive(packet);
                        } catch (SocketTimeoutException e) {
                            continue;
                        }
                        received.addAll(List.of(new String(packet.getData(), 0, packet.getLength(),
                                StandardCharsets.UTF_8).split("\n")));
                    }
                });
            }
            assertThat(received).as("StatsD lines received").anySatisfy(line -> assertThat(line)
                    .startsWith("http_server_requests:").contains("|ms|#").contains("path:/__lbheartbeat__")
                    .contains("status:200"));
        }
    }

    private static String sha512(String text) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IOException(e);
        }
    }
}
