package org.ichnaea.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.ichnaea.core.apikey.ApiKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/architecture.md "When a store is down": with Redis down, locate and region still answer and submissions get 503.
 */
class RedisDownTest {

    @TempDir
    Path dataDir;

    @Test
    void locate_and_region_answer_and_submit_is_503() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Settings settings = Settings.from(Map.of("ICHNAEA_DATA_DIR", dataDir.toString(), "REDIS_URI",
                "redis://127.0.0.1:" + port + "/0"));
        try (Application app = Application.open(settings)) {
            app.keys.save(ApiKey.withDefaults("k"));
            JavalinTest.test(app.web(Clock.systemUTC()), (server, client) -> {
                Response locate = client.request("/v1/geolocate?key=k", b -> b.post(HttpRequest.BodyPublishers
                        .ofString("{}")).header("X-Forwarded-For", "193.99.144.80"));
                assertThat(locate.code()).isEqualTo(200);
                Response region = client.request("/v1/country?key=k", b -> b.post(HttpRequest.BodyPublishers
                        .ofString("{}")).header("X-Forwarded-For", "193.99.144.80"));
                assertThat(region.body().string()).isEqualTo("{\"country_code\":\"DE\",\"country_name\":\"Germany\"}");
                Response submit = client.post("/v2/geosubmit?key=k", "{\"items\":[{\"position\":{\"latitude\":1,"
                        + "\"longitude\":2},\"bluetoothBeacons\":[{\"macAddress\":\"01:23:45:67:89:ab\"}]}]}");
                assertThat(submit.code()).isEqualTo(503);
                Response heartbeat = client.get("/__heartbeat__");
                assertThat(heartbeat.code()).isEqualTo(503);
                assertThat(heartbeat.body().string()).contains("\"redis\":{\"up\":false,\"time\":0}");
                assertThat(java.nio.file.Files.readString(Path.of("../docs/api.md")))
                        .as("docs/api.md shows the outage body as it is")
                        .contains("\"redis\":{\"up\":false,\"time\":0}");
            });
        }
    }
}
