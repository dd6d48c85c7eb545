package org.ichnaea.http.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;
import org.ichnaea.core.export.ExportConfig;
import org.ichnaea.core.export.ExportSchema;
import org.ichnaea.core.export.RetriableExportException;
import org.ichnaea.core.testing.TestReports;
import org.ichnaea.http.json.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The geosubmit exporter (docs/algorithms.md §13.1) against a loopback server; the file exporter's test is app's. */
class GeosubmitExporterTest {

    private HttpServer upstream;
    private final List<Map<String, String>> headers = new CopyOnWriteArrayList<>();
    private final List<byte[]> bodies = new CopyOnWriteArrayList<>();
    private volatile int status = 200;

    @BeforeEach
    void start() throws IOException {
        upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        upstream.createContext("/v2/geosubmit", exchange -> {
            headers.add(Map.of("encoding", exchange.getRequestHeaders().getFirst("Content-Encoding"),
                    "type", exchange.getRequestHeaders().getFirst("Content-Type"),
                    "agent", exchange.getRequestHeaders().getFirst("User-Agent"),
                    "method", exchange.getRequestMethod()));
            bodies.add(exchange.getRequestBody().readAllBytes());
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        upstream.start();
    }

    @AfterEach
    void stop() {
        upstream.stop(0);
    }

    private ExportConfig geosubmit() {
        return new ExportConfig("up", 10, ExportSchema.GEOSUBMIT,
                "http://127.0.0.1:" + upstream.getAddress().getPort() + "/v2/geosubmit", Set.of(), Set.of());
    }

    private static JsonNode gunzip(byte[] data) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(data))) {
            return Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void posts_a_gzip_v2_batch_with_ichnaeas_headers() throws Exception {
        new GeosubmitExporter().export(geosubmit(), List.of(TestReports.full(1), TestReports.query(2)));

        assertThat(headers).singleElement().isEqualTo(Map.of("encoding", "gzip", "type", "application/json",
                "agent", "ichnaea", "method", "POST"));
        JsonNode items = gunzip(bodies.get(0)).get("items");
        assertThat(items).hasSize(2);
        JsonNode first = items.get(0);
        assertThat(first.get("timestamp").asLong()).isEqualTo(1_781_000_000_001L);
        assertThat(first.get("position").get("latitude").asDouble()).isEqualTo(51.5001);
        assertThat(first.get("position").get("altitudeAccuracy").asDouble()).isEqualTo(3.0);
        assertThat(first.get("position").get("source").asText()).isEqualTo("gnss");
        assertThat(first.get("cellTowers").get(0).get("radioType").asText()).isEqualTo("nr");
        assertThat(first.get("cellTowers").get(0).get("primaryScramblingCode").asInt()).isEqualTo(1007);
        assertThat(first.get("wifiAccessPoints").get(0).get("ssid").asText()).isEqualTo("HomeNet");
        assertThat(first.get("bluetoothBeacons").get(0).get("name").asText()).isEqualTo("beacon");
        assertThat(first.has("api_key")).as("key metadata stripped").isFalse();
        JsonNode query = items.get(1);
        assertThat(query.has("cellTowers")).isFalse();
        assertThat(query.get("wifiAccessPoints").get(0).has("signalStrength")).as("absent fields left out")
                .isFalse();
    }

    @Test
    void a_server_error_or_a_dead_upstream_is_retriable() {
        status = 503;
        assertThatThrownBy(() -> new GeosubmitExporter().export(geosubmit(), List.of(TestReports.full(1))))
                .isInstanceOf(RetriableExportException.class).hasMessageContaining("503");
        ExportConfig dead = new ExportConfig("dead", 10, ExportSchema.GEOSUBMIT, "http://127.0.0.1:9/v2/geosubmit",
                Set.of(), Set.of());
        assertThatThrownBy(() -> new GeosubmitExporter().export(dead, List.of(TestReports.full(1))))
                .isInstanceOf(RetriableExportException.class);
    }
}
