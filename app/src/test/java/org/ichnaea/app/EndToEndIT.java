package org.ichnaea.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole application against the machine's MariaDB ({@code TEST_DB_URL}): the CLI creates a key and imports
 * stations, then the web service locates with them; with Redis (TEST_REDIS_URI) for queues and counters.
 */
class EndToEndIT {

    @TempDir
    Path dataDir;

    private Map<String, String> servicesEnv() {
        return ServicesEnv.require(dataDir);
    }

    @Test
    void cli_key_and_stations_then_locate_on_mariadb() throws Exception {
        Map<String, String> env = servicesEnv();
        assertThat(Main.run(new String[] {"migrate"}, env)).isZero();
        assertThat(Main.run(new String[] {"apikey", "create", "e2e-key", "--maxreq", "1000"}, env)).isZero();
        String today = LocalDate.ofInstant(Instant.now(), ZoneOffset.UTC).toString();
        String created = Instant.now().minusSeconds(86_400 * 30).toString().replaceAll("\\.\\d+Z", "Z");
        Path stations = dataDir.resolve("stations.jsonl");
        Files.writeString(stations, String.join("\n",
                "{\"kind\":\"wifi\",\"mac\":\"e2e2e2000001\",\"lat\":48.8566,\"lon\":2.3522,\"radius\":30,"
                        + "\"samples\":8,\"created\":\"" + created + "\",\"last_seen\":\"" + today + "\"}",
                "{\"kind\":\"wifi\",\"mac\":\"e2e2e2000002\",\"lat\":48.8568,\"lon\":2.3524,\"radius\":30,"
                        + "\"samples\":8,\"created\":\"" + created + "\",\"last_seen\":\"" + today + "\"}",
                "{\"kind\":\"cell\",\"radio\":\"lte\",\"mcc\":208,\"mnc\":1,\"lac\":7,\"cid\":77,\"lat\":48.85,"
                        + "\"lon\":2.35,\"radius\":2000,\"samples\":3,\"created\":\"" + created + "\"}") + "\n");
        assertThat(Main.run(new String[] {"import", "stations", stations.toString()}, env)).isZero();

        try (Application app = Application.open(Settings.from(env))) {
            long queuedBefore = app.incoming.size();
            JavalinTest.test(app.web(Clock.systemUTC()), (server, client) -> {
                Response submit = client.post("/v2/geosubmit?key=e2e-key", "{\"items\":[{\"position\":"
                        + "{\"latitude\":48.85,\"longitude\":2.35},\"wifiAccessPoints\":[{\"macAddress\":"
                        + "\"e2:e2:e2:00:00:09\"}]}]}");
                assertThat(submit.code()).isEqualTo(200);
                assertThat(app.incoming.size()).as("queued in Redis").isEqualTo(queuedBefore + 1);
                Response wifi = client.request("/v1/geolocate?key=e2e-key", b -> b.post(HttpRequest.BodyPublishers
                        .ofString("{\"wifiAccessPoints\":[{\"macAddress\":\"e2:e2:e2:00:00:01\",\"signalStrength\":-60},"
                                + "{\"macAddress\":\"e2:e2:e2:00:00:02\",\"signalStrength\":-70}]}")));
                assertThat(wifi.code()).isEqualTo(200);
                assertThat(wifi.body().string()).startsWith("{\"location\":{\"lat\":48.856");
                Response cell = client.request("/v1/geolocate?key=e2e-key", b -> b.post(HttpRequest.BodyPublishers
                        .ofString("{\"cellTowers\":[{\"radioType\":\"lte\",\"mobileCountryCode\":208,"
                                + "\"mobileNetworkCode\":1,\"locationAreaCode\":7,\"cellId\":77}]}")));
                assertThat(cell.body().string()).isEqualTo("{\"location\":{\"lat\":48.85,\"lng\":2.35},"
                        + "\"accuracy\":2000.0}");
                Response region = client.request("/v1/country?key=e2e-key", b -> b.post(HttpRequest.BodyPublishers
                        .ofString("{\"cellTowers\":[{\"radioType\":\"lte\",\"mobileCountryCode\":262,"
                                + "\"mobileNetworkCode\":1,\"locationAreaCode\":7,\"cellId\":77}]}")));
                assertThat(region.body().string()).isEqualTo("{\"country_code\":\"DE\",\"country_name\":\"Germany\"}");
                Response geoip = client.request("/v1/geolocate?key=e2e-key", b -> b.post(HttpRequest.BodyPublishers
                        .ofString("{}")).header("X-Forwarded-For", "193.99.144.80"));
                assertThat(geoip.body().string()).isEqualTo("{\"location\":{\"lat\":54.0679,\"lng\":12.1186},"
                        + "\"accuracy\":5000.0}");
                Response heartbeat = client.get("/__heartbeat__");
                assertThat(heartbeat.code()).isEqualTo(200);
                assertThat(heartbeat.body().string()).contains("\"redis\":{\"up\":true");
                // The web tier sends its counts to Redis once a second (WriteBehindApiKeyUsage).
                org.ichnaea.core.apikey.ApiKeyUsage stored = app.usage();
                await().atMost(java.time.Duration.ofSeconds(5)).pollInterval(java.time.Duration.ofMillis(100))
                        .untilAsserted(() -> assertThat(stored.uniqueUsers("e2e-key",
                                org.ichnaea.core.apikey.ApiType.LOCATE, LocalDate.now(ZoneOffset.UTC)))
                                .as("unique users counted in Redis: loopback and the forwarded address")
                                .isEqualTo(2));
                assertThat(client.request("/v1/geolocate?key=not-created", b -> b.post(HttpRequest.BodyPublishers
                        .ofString("{}"))).code()).isEqualTo(400);
            });
        }
    }

    @Test
    void geosubmit_then_restart_then_process_then_geolocate_on_mariadb_and_redis() throws Exception {
        Map<String, String> env = servicesEnv();
        assertThat(Main.run(new String[] {"apikey", "create", "e2e-pipe", "--maxreq", "0"}, env)).isZero();
        String query = "{\"considerIp\":false,\"wifiAccessPoints\":[{\"macAddress\":\"e3:e3:e3:00:00:01\"},"
                + "{\"macAddress\":\"e3:e3:e3:00:00:02\"}]}";
        try (Application app = Application.open(Settings.from(env))) {
            // Start from a known state: no such stations, no reports waiting from an earlier run.
            app.wifi.deleteAll(java.util.List.of(org.ichnaea.core.radio.MacAddress.of("e3e3e3000001"),
                    org.ichnaea.core.radio.MacAddress.of("e3e3e3000002")));
            while (!app.incoming.dequeue(1000).isEmpty()) {
                // drained
            }
            if (app.exportConfigs.findAll().stream().noneMatch(c -> c.name().equals("internal"))) {
                // The export-config contract tests share this database and may have removed the default row.
                app.exportConfigs.save(org.ichnaea.core.export.ExportConfig.defaultInternal());
            }
            JavalinTest.test(app.web(Clock.systemUTC()), (server, client) -> {
                String item = "{\"position\":{\"latitude\":%s,\"longitude\":2.35,\"accuracy\":5},"
                        + "\"wifiAccessPoints\":[{\"macAddress\":\"e3:e3:e3:00:00:01\",\"signalStrength\":-60},"
                        + "{\"macAddress\":\"e3:e3:e3:00:00:02\",\"signalStrength\":-65}]}";
                assertThat(client.post("/v2/geosubmit?key=e2e-pipe", "{\"items\":[" + String.format(item, "48.8560")
                        + "," + String.format(item, "48.8562") + "]}").code()).isEqualTo(200);
                assertThat(client.post("/v1/geolocate?key=e2e-pipe", query).code()).isEqualTo(404);
            });
        }
        // The web process is gone; the reports wait in Redis until a worker processes them.
        assertThat(Main.run(new String[] {"process"}, env)).isZero();
        try (Application app = Application.open(Settings.from(env))) {
            JavalinTest.test(app.web(Clock.systemUTC()), (server, client) -> {
                Response located = client.post("/v1/geolocate?key=e2e-pipe", query);
                assertThat(located.code()).isEqualTo(200);
                assertThat(located.body().string()).startsWith("{\"location\":{\"lat\":48.856");
            });
        }
    }
}
