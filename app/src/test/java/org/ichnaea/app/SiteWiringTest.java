package org.ichnaea.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The web site in the application: ICHNAEA_BASEMAP_URL, and the pages over the embedded database. */
class SiteWiringTest {

    @TempDir
    Path dataDir;

    @Test
    void the_base_map_is_off_by_default_and_must_be_an_http_tile_template() {
        assertThat(Settings.from(Map.of()).baseMapUrl()).isNull();
        assertThat(Settings.from(Map.of("ICHNAEA_BASEMAP_URL", " https://tile.openstreetmap.org/{z}/{x}/{y}.png "))
                .baseMapUrl()).isEqualTo("https://tile.openstreetmap.org/{z}/{x}/{y}.png");
        assertThatThrownBy(() -> Settings.from(Map.of("ICHNAEA_BASEMAP_URL", "ftp://example.org/{z}/{x}/{y}.png")))
                .hasMessageStartingWith("ICHNAEA_BASEMAP_URL: must start with https:// or http://");
        assertThatThrownBy(() -> Settings.from(Map.of("ICHNAEA_BASEMAP_URL", "https://example.org/tiles")))
                .hasMessageStartingWith("ICHNAEA_BASEMAP_URL: must contain {z}, {x} and {y}");
    }

    @Test
    void the_server_serves_the_site_with_statistics_from_the_embedded_database() {
        Settings settings = Settings.from(Map.of("ICHNAEA_DATA_DIR", dataDir.toString(),
                "ICHNAEA_BASEMAP_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png"));
        try (Application app = Application.open(settings)) {
            JavalinTest.test(app.web(Clock.systemUTC()), (server, client) -> {
                Response stats = client.get("/stats");
                assertThat(stats.code()).isEqualTo(200);
                assertThat(stats.body().string()).contains("<td>Wifi Networks</td><td class=\"num\">0.00</td>");
                assertThat(client.get("/stats_wifi.json").body().string())
                        .isEqualTo("{\"series\":[{\"title\":\"MLS WiFi\",\"data\":[]}]}");
                assertThat(client.get("/stats/regions").code()).isEqualTo(200);
                assertThat(client.get("/map").headers().get("Content-Security-Policy")).singleElement()
                        .asString().contains("img-src 'self' data: https://tile.openstreetmap.org;");
                assertThat(client.get("/downloads").code()).isEqualTo(200);
            });
        }
    }
}
