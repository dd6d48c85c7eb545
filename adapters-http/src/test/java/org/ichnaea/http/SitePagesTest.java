package org.ichnaea.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ichnaea.core.stats.StatKey;
import org.ichnaea.core.testing.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The HTML pages of the web site (docs/api.md "Routes", docs/site.md). */
class SitePagesTest {

    @TempDir
    Path dataDir;

    @ParameterizedTest
    @CsvSource({
        "/,               Ichnaea for the JVM",
        "/api,            API · Ichnaea for the JVM",
        "/downloads,      Downloads · Ichnaea for the JVM",
        "/map,            Map · Ichnaea for the JVM",
        "/stats,          Statistics · Ichnaea for the JVM",
        "/stats/regions,  Region statistics · Ichnaea for the JVM",
        "/privacy,        Privacy notice · Ichnaea for the JVM",
        "/terms,          Developer terms of service · Ichnaea for the JVM",
        "/optout,         Opt-out · Ichnaea for the JVM",
        "/contact,        Contact · Ichnaea for the JVM"})
    void every_page_answers_200_html_with_its_title_and_short_caching(String path, String title) {
        SiteFixture site = new SiteFixture(dataDir);
        JavalinTest.test(site.app(), (server, client) -> {
            Response r = client.get(path);
            assertThat(r.code()).isEqualTo(200);
            assertThat(r.headers().get("Content-Type")).containsExactly("text/html;charset=utf-8");
            assertThat(r.headers().get("Cache-Control")).containsExactly("max-age=60");
            assertThat(r.headers().get("Content-Security-Policy"))
                    .containsExactly("default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'");
            assertThat(r.headers().get("Strict-Transport-Security")).isNotEmpty();
            String body = r.body().string();
            assertThat(body).startsWith("<!DOCTYPE html>").contains("<title>" + title + "</title>")
                    .contains("href=\"/static/site.css\"")
                    .doesNotContain("src=\"http", "src=\"//", "href=\"http://", "//cdn", "fonts.googleapis");
        });
    }

    @Test
    void pages_link_only_to_local_scripts_and_styles_and_have_no_inline_handlers() {
        SiteFixture site = new SiteFixture(dataDir);
        JavalinTest.test(site.app(), (server, client) -> {
            for (String path : new String[] {"/", "/api", "/downloads", "/map", "/stats", "/stats/regions",
                "/privacy", "/terms", "/optout", "/contact"}) {
                String body = client.get(path).body().string();
                Matcher sources = Pattern.compile("(?:src|href)=\"([^\"]*)\"").matcher(body);
                while (sources.find()) {
                    String url = sources.group(1);
                    if (!url.startsWith("https://") && !url.startsWith("#")) {
                        assertThat(url).as(path).startsWith("/");
                    }
                }
                Matcher scripts = Pattern.compile("<script([^>]*)>").matcher(body);
                while (scripts.find()) {
                    assertThat(scripts.group(1)).as(path + ": no inline script").matches(" src=\"/static/[^\"]+\"");
                }
                assertThat(body).as(path).doesNotContainPattern("(?i)\\son[a-z]+=");
                assertThat(body).as(path)
                        .doesNotContain("<script src=\"https:", "<link rel=\"stylesheet\" href=\"https:");
            }
        });
    }

    @Test
    void without_site_services_the_pages_stay_unknown_paths() {
        TestWeb web = new TestWeb();
        JavalinTest.test(web.app(), (server, client) -> {
            for (String path : new String[] {"/", "/map", "/stats", "/robots.txt", "/static/site.css"}) {
                Response r = client.get(path);
                assertThat(r.code()).as(path).isEqualTo(404);
                assertThat(r.body().string()).isEqualTo("<h1>404 Not Found</h1>");
            }
        });
    }

    @Test
    void the_api_routes_keep_their_behaviour_next_to_the_site() {
        SiteFixture site = new SiteFixture(dataDir);
        JavalinTest.test(site.app(), (server, client) -> {
            HttpResponse<String> options = SiteFixture.send(client, "OPTIONS", "/v1/geolocate");
            assertThat(options.statusCode()).isEqualTo(200);
            assertThat(options.headers().allValues("Access-Control-Allow-Origin")).containsExactly("*");
            HttpResponse<String> head = SiteFixture.send(client, "HEAD", "/v1/geolocate?key=test");
            assertThat(head.statusCode()).as("HEAD runs the API: no GeoIP record for 127.0.0.1").isEqualTo(404);
            assertThat(head.headers().allValues("Access-Control-Allow-Origin")).containsExactly("*");
            assertThat(client.get("/__lbheartbeat__").body().string()).isEqualTo("{\"status\":\"OK\"}");
            Response unknown = client.get("/nothing/here");
            assertThat(unknown.code()).isEqualTo(404);
            assertThat(unknown.body().string()).isEqualTo("<h1>404 Not Found</h1>");
            assertThat(client.get("/map/").code()).as("no trailing-slash variants").isEqualTo(404);
            assertThat(client.get("/").headers().get("Access-Control-Allow-Origin")).as("no CORS on pages")
                    .isNullOrEmpty();
        });
    }

    @Test
    void head_answers_the_headers_without_a_body() {
        SiteFixture site = new SiteFixture(dataDir);
        JavalinTest.test(site.app(), (server, client) -> {
            HttpResponse<String> r = SiteFixture.send(client, "HEAD", "/stats");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().allValues("Content-Type")).containsExactly("text/html;charset=utf-8");
            assertThat(r.body()).isEmpty();
            assertThat(client.delete("/stats").code()).isEqualTo(405);
        });
    }

    @Test
    void home_shows_the_live_totals_and_the_coverage_preview_when_drawn() throws IOException {
        SiteFixture site = new SiteFixture(dataDir);
        site.stats.add(StatKey.UNIQUE_WIFI, TestClock.TODAY.minusDays(3), 1_234_567);
        site.stats.add(StatKey.UNIQUE_CELL, TestClock.TODAY, 89_000);
        site.stats.add(StatKey.UNIQUE_BLUE, TestClock.TODAY.plusDays(1), 5);
        Files.createDirectories(dataDir.resolve("tiles/0/0"));
        Files.write(dataDir.resolve("tiles/0/0/0@2x.png"), new byte[] {1});
        JavalinTest.test(site.app(), (server, client) -> {
            String body = client.get("/").body().string();
            assertThat(body).contains("<dt>Wi-Fi networks</dt><dd>1,234,567</dd>")
                    .contains("<dt>Cell towers</dt><dd>89,000</dd>")
                    .as("tomorrow's row is not today's").contains("<dt>Bluetooth beacons</dt><dd>0</dd>")
                    .contains("<img src=\"/tiles/0/0/0@2x.png\"");
        });
    }

    @Test
    void home_without_tiles_or_statistics_still_answers() {
        SiteFixture site = new SiteFixture(dataDir);
        site.statStore = new SiteFixture.UnavailableStatStore();
        JavalinTest.test(site.app(), (server, client) -> {
            Response r = client.get("/");
            assertThat(r.code()).isEqualTo(200);
            assertThat(r.body().string()).contains("The totals are not available right now")
                    .contains("The coverage map has not been drawn yet").doesNotContain("0@2x.png");
        });
    }

    @Test
    void the_api_page_documents_every_endpoint_with_curl_examples() {
        SiteFixture site = new SiteFixture(dataDir);
        JavalinTest.test(site.app(), (server, client) -> {
            String body = client.get("/api").body().string();
            for (String endpoint : new String[] {"/v1/geolocate", "/v1/country", "/v1/region", "/v2/geosubmit",
                "/v1/geosubmit", "/v1/submit"}) {
                assertThat(body).contains("<code>POST " + endpoint + "</code>");
            }
            assertThat(body).contains("<code>GET /__heartbeat__</code>", "<code>GET /__lbheartbeat__</code>",
                    "<code>GET /__version__</code>");
            assertThat(body).contains("curl -s -XPOST 'http://localhost:8000/v1/geolocate?key=test'")
                    .contains("curl -s -XPOST 'http://localhost:8000/v1/country?key=test'")
                    .contains("curl -s -XPOST 'http://localhost:8000/v2/geosubmit?key=test'")
                    .contains("curl -s -XPOST 'http://localhost:8000/v1/geosubmit?key=test'")
                    .contains("curl -s -i -XPOST 'http://localhost:8000/v1/submit?key=test'")
                    .contains("curl -s http://localhost:8000/__heartbeat__")
                    .contains("{\"location\":{\"lat\":54.0679").doesNotContain("{%");
        });
    }

    @Test
    void the_optout_page_explains_the_nomap_suffix() {
        SiteFixture site = new SiteFixture(dataDir);
        JavalinTest.test(site.app(), (server, client) ->
                assertThat(client.get("/optout").body().string()).contains("<code>_nomap</code>")
                        .contains("<code>MyHomeNetwork_nomap</code>"));
    }

    @Test
    void the_map_has_only_the_coverage_layer_by_default() throws IOException {
        SiteFixture site = new SiteFixture(dataDir);
        Files.createDirectories(dataDir.resolve("tiles"));
        JavalinTest.test(site.app(), (server, client) -> {
            String body = client.get("/map").body().string();
            assertThat(body).contains("data-tiles=\"/tiles/{z}/{x}/{y}.png\"").contains("data-basemap=\"\"")
                    .contains("<script src=\"/static/vendor/leaflet/leaflet.js\"></script>")
                    .contains("<link rel=\"stylesheet\" href=\"/static/vendor/leaflet/leaflet.css\">")
                    .doesNotContain("The coverage map has not been drawn yet");
        });
    }

    @Test
    void a_configured_base_map_is_drawn_and_allowed_by_the_content_security_policy() {
        SiteFixture site = new SiteFixture(dataDir);
        site.baseMapUrl = "https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png";
        JavalinTest.test(site.app(), (server, client) -> {
            Response r = client.get("/map");
            assertThat(r.body().string())
                    .contains("data-basemap=\"https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png\"")
                    .contains("data-tiles=\"\"").contains("The coverage map has not been drawn yet");
            assertThat(r.headers().get("Content-Security-Policy")).containsExactly("default-src 'self'; "
                    + "img-src 'self' data: https://*.tile.openstreetmap.org; style-src 'self' 'unsafe-inline'");
        });
    }
}
