package org.ichnaea.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.javalin.testtools.JavalinTest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A key that a client tried before it existed works within seconds of {@code apikey create}, run as another
 * {@link Application} (the CLI), while the server keeps running: the server remembers a miss for 3 s only, not the
 * 300 s it keeps a found key.
 */
class ApiKeyCreationTest {

    @TempDir
    Path dataDir;

    @Test
    void a_key_created_after_a_miss_is_accepted_by_the_running_server_within_5_seconds() {
        Map<String, String> env = Map.of("ICHNAEA_DATA_DIR", dataDir.toString());
        String locate = "/v1/geolocate?key=late_key";
        try (Application app = Application.open(Settings.from(env))) {
            JavalinTest.test(app.web(Clock.systemUTC()), (server, client) -> {
                var before = client.request(locate, b -> b.post(java.net.http.HttpRequest.BodyPublishers
                        .ofString("{}")).header("X-Forwarded-For", "193.99.144.80"));
                assertThat(before.code()).isEqualTo(400);
                assertThat(before.body().string()).contains("keyInvalid");

                assertThat(Main.run(new String[] {"apikey", "create", "late_key", "--maxreq", "0"}, env)).isZero();
                await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                        assertThat(client.request(locate, b -> b.post(java.net.http.HttpRequest.BodyPublishers
                                .ofString("{}")).header("X-Forwarded-For", "193.99.144.80")).code())
                                .as("accepted within 5 s of its creation").isEqualTo(200));
            });
        }
    }
}
