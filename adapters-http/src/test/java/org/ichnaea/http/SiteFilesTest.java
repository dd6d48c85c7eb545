package org.ichnaea.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** robots.txt, icons, static files, map tiles and the cell export downloads (docs/site.md). */
class SiteFilesTest {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @TempDir
    Path dataDir;

    @Test
    void robots_txt_is_ichnaeas() {
        SiteFixture site = new SiteFixture(dataDir);
        JavalinTest.test(site.app(), (server, client) -> {
            Response r = client.get("/robots.txt");
            assertThat(r.code()).isEqualTo(200);
            assertThat(r.headers().get("Content-Type")).containsExactly("text/plain;charset=utf-8");
            assertThat(r.headers().get("Cache-Control")).containsExactly("public, max-age=86400");
            assertThat(r.body().string()).isEqualTo("User-agent: *\n"
                    + "Disallow: /downloads\n"
                    + "Disallow: /static/\n"
                    + "Disallow: /v1/\n"
                    + "Disallow: /v2/\n"
                    + "Disallow: /__heartbeat__\n"
                    + "Disallow: /__lbheartbeat__\n"
                    + "Disallow: /__version__\n");
        });
    }

    @Test
    void the_icons_are_real_images_cached_for_a_day() {
        SiteFixture site = new SiteFixture(dataDir);
        JavalinTest.test(site.app(), (server, client) -> {
            HttpResponse<byte[]> favicon = SiteFixture.bytes(client, "/favicon.ico");
            assertThat(favicon.statusCode()).isEqualTo(200);
            assertThat(favicon.headers().firstValue("Content-Type")).hasValue("image/x-icon");
            assertThat(favicon.headers().firstValue("Cache-Control")).hasValue("public, max-age=86400");
            assertThat(Arrays.copyOf(favicon.body(), 4)).as("ICO header: reserved 0, type 1")
                    .containsExactly(0, 0, 1, 0);
            assertThat(Arrays.copyOfRange(favicon.body(), 22, 30)).as("a PNG inside").containsExactly(PNG);
            HttpResponse<byte[]> touch = SiteFixture.bytes(client, "/apple-touch-icon-precomposed.png");
            assertThat(touch.statusCode()).isEqualTo(200);
            assertThat(touch.headers().firstValue("Content-Type")).hasValue("image/png");
            assertThat(Arrays.copyOf(touch.body(), 8)).containsExactly(PNG);
        });
    }

    @Test
    void static_files_and_the_webjar_libraries_are_served_from_the_jar() {
        SiteFixture site = new SiteFixture(dataDir);
        JavalinTest.test(site.app(), (server, client) -> {
            Response leaflet = client.get("/static/vendor/leaflet/leaflet.js");
            assertThat(leaflet.code()).isEqualTo(200);
            assertThat(leaflet.headers().get("Content-Type")).containsExactly("text/javascript;charset=utf-8");
            assertThat(leaflet.headers().get("Cache-Control")).containsExactly("public, max-age=86400");
            assertThat(leaflet.body().string()).contains("Leaflet 1.9.4");
            assertThat(client.get("/static/vendor/leaflet/leaflet.css").headers().get("Content-Type"))
                    .containsExactly("text/css;charset=utf-8");
            assertThat(client.get("/static/vendor/leaflet/images/layers.png").code()).isEqualTo(200);
            assertThat(client.get("/static/vendor/uplot/uPlot.iife.min.js").body().string()).contains("uPlot");
            assertThat(client.get("/static/vendor/uplot/uPlot.min.css").code()).isEqualTo(200);
            assertThat(client.get("/static/site.css").body().string()).contains(".site-header");
            assertThat(client.get("/static/map.js").body().string()).contains("maxNativeZoom: 11");
            assertThat(client.get("/static/stats.js").code()).isEqualTo(200);
            Response land = client.get("/static/land-110m.geojson");
            assertThat(land.headers().get("Content-Type")).containsExactly("application/geo+json;charset=utf-8");
            assertThat(land.body().string()).startsWith("{\"type\":\"FeatureCollection\"");
            for (String path : new String[] {"/static/nothing.js", "/static/vendor/leaflet/../../../pom.xml",
                "/static/vendor/leaflet/..%2F..%2Fpackage.json", "/static/%2e%2e/templates/base.html",
                "/static/../templates/base.html", "/static/vendor/other/x.js", "/static/vendor/uplot/README.md",
                "/static/icons", "/static/.hidden.css"}) {
                assertThat(client.get(path).code()).as(path).isIn(400, 404);
            }
        });
    }

    @Test
    void tiles_are_served_from_the_data_directory() throws IOException {
        SiteFixture site = new SiteFixture(dataDir);
        byte[] tile = Arrays.copyOf(PNG, 20);
        tile[19] = 42;
        Files.createDirectories(dataDir.resolve("tiles/2/1"));
        Files.write(dataDir.resolve("tiles/2/1/3.png"), tile);
        Files.createDirectories(dataDir.resolve("tiles/0/0"));
        Files.write(dataDir.resolve("tiles/0/0/0@2x.png"), PNG);
        Files.writeString(dataDir.resolve("secret.png"), "secret");
        JavalinTest.test(site.app(), (server, client) -> {
            HttpResponse<byte[]> r = SiteFixture.bytes(client, "/tiles/2/1/3.png");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).hasValue("image/png");
            assertThat(r.headers().firstValue("Cache-Control")).hasValue("public, max-age=3600");
            assertThat(r.body()).containsExactly(tile);
            assertThat(SiteFixture.bytes(client, "/tiles/0/0/0@2x.png").body()).containsExactly(PNG);
            for (String path : new String[] {"/tiles/a/1/3.png",
                "/tiles/2/01/3.png", "/tiles/2/4/3.png", "/tiles/2/1/4.png", "/tiles/2/1/3.jpg", "/tiles/2/1/x.png",
                "/tiles/99/1/3.png", "/tiles/..%2F..%2Fsecret.png", "/tiles/2/1/..%2F..%2F..%2Fsecret.png"}) {
                Response missing = client.get(path);
                assertThat(missing.code()).as(path).isIn(400, 404);
                assertThat(missing.body().string()).as(path).doesNotContain("secret");
            }
            for (String path : new String[] {"/tiles/2/1/2.png", "/tiles/3/1/3.png"}) {
                HttpResponse<byte[]> empty = SiteFixture.bytes(client, path);
                assertThat(empty.statusCode()).as("inside the map, no coverage: " + path).isEqualTo(204);
                assertThat(empty.headers().firstValue("Cache-Control")).hasValue("public, max-age=3600");
                assertThat(empty.body()).isEmpty();
                assertThat(empty.headers().firstValue("Content-Type")).as("no body, no JSON content type: " + path)
                        .isEmpty();
            }
        });
    }

    @Test
    void downloads_list_full_exports_and_diffs_newest_first_with_size_and_date() throws IOException {
        SiteFixture site = new SiteFixture(dataDir);
        Path export = Files.createDirectories(dataDir.resolve("export"));
        Files.write(export.resolve("MLS-full-cell-export-2026-06-13T000000.csv.gz"), new byte[2048]);
        Files.write(export.resolve("MLS-full-cell-export-2026-06-14T000000.csv.gz"), new byte[1_536_000]);
        Files.write(export.resolve("MLS-diff-cell-export-2026-06-15T100000.csv.gz"), new byte[100]);
        Files.write(export.resolve("MLS-diff-cell-export-2026-06-15T110000.csv.gz"), new byte[600]);
        Files.write(export.resolve("MLS-diff-cell-export-2026-06-14T230000.csv.gz"), new byte[0]);
        Files.write(export.resolve(".export123.tmp"), new byte[10]);
        Files.writeString(export.resolve("notes.txt"), "not an export");
        JavalinTest.test(site.app(), (server, client) -> {
            Response r = client.get("/downloads");
            assertThat(r.headers().get("Cache-Control")).containsExactly("max-age=60");
            String body = r.body().string();
            assertThat(body).containsSubsequence(
                    "Full cell exports",
                    "<a href=\"/downloads/MLS-full-cell-export-2026-06-14T000000.csv.gz\">", "2026-06-14",
                    "1500 kB",
                    "<a href=\"/downloads/MLS-full-cell-export-2026-06-13T000000.csv.gz\">", "2026-06-13", "2 kB",
                    "Differential cell exports",
                    "<a href=\"/downloads/MLS-diff-cell-export-2026-06-15T110000.csv.gz\">", "2026-06-15 11:00 UTC",
                    "1 kB",
                    "<a href=\"/downloads/MLS-diff-cell-export-2026-06-15T100000.csv.gz\">", "2026-06-15 10:00 UTC",
                    "0 kB",
                    "<a href=\"/downloads/MLS-diff-cell-export-2026-06-14T230000.csv.gz\">");
            assertThat(body).doesNotContain("notes.txt", ".export123");
        });
    }

    @Test
    void downloads_without_an_export_folder_say_so() {
        SiteFixture site = new SiteFixture(dataDir);
        JavalinTest.test(site.app(), (server, client) -> assertThat(client.get("/downloads").body().string())
                .contains("No full export has been written yet.", "No differential export has been written yet."));
    }

    @Test
    void export_files_are_served_and_nothing_else_is() throws IOException {
        SiteFixture site = new SiteFixture(dataDir);
        Path export = Files.createDirectories(dataDir.resolve("export"));
        byte[] gzip = {0x1f, (byte) 0x8b, 8, 0, 1, 2, 3};
        Files.write(export.resolve("MLS-diff-cell-export-2026-06-15T110000.csv.gz"), gzip);
        Files.writeString(export.resolve("notes.txt"), "secret");
        Files.writeString(dataDir.resolve("secret"), "secret");
        Files.writeString(dataDir.resolve("MLS-full-cell-export-2026-06-14T000000.csv.gz"), "secret");
        JavalinTest.test(site.app(), (server, client) -> {
            HttpResponse<byte[]> r = SiteFixture.bytes(client,
                    "/downloads/MLS-diff-cell-export-2026-06-15T110000.csv.gz");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).hasValue("application/gzip");
            assertThat(r.body()).containsExactly(gzip);
            for (String path : new String[] {"/downloads/..%2Fsecret", "/downloads/notes.txt",
                "/downloads/..%2FMLS-full-cell-export-2026-06-14T000000.csv.gz",
                "/downloads/MLS-full-cell-export-2026-06-14T000000.csv.gz", "/downloads/%2e%2e",
                "/downloads/../secret", "/downloads/MLS-diff-cell-export-2026-06-15T120000.csv.gz"}) {
                Response missing = client.get(path);
                assertThat(missing.code()).as(path).isEqualTo(404);
                assertThat(missing.body().string()).as(path).isEqualTo("<h1>404 Not Found</h1>");
            }
        });
    }
}
