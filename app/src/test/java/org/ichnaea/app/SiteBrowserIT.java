package org.ichnaea.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.assertj.core.api.SoftAssertions;
import org.ichnaea.core.apikey.ApiKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #7: the web site in headless Chromium. The service runs on the embedded default; the test submits reports
 * around Berlin and Madrid, processes them as {@code process} does, then loads every page and checks that none
 * logs an error, fails a request or reaches beyond this machine, that the map draws the coverage tiles where the
 * reports were and that the statistics count them. Screenshots of every page go to {@code app/target/screenshots}.
 * Selenium drives Chromium ({@code CHROMIUM_PATH} or {@code /usr/bin/chromium}, Debian's {@code chromium}) through
 * Debian's {@code chromedriver} ({@code CHROMEDRIVER_PATH} or {@code /usr/bin/chromedriver}, package
 * {@code chromium-driver}); {@code .ci/run} installs both. Without them the test skips, except under {@code CI=true}.
 */
class SiteBrowserIT {

    static final Path SCREENSHOTS = Path.of("target/screenshots");
    static final int REPORTS_PER_CITY = 150;
    static final int WIFI_PER_REPORT = 3;
    static final int CELLS_PER_CITY = 10;

    /** Where the reports are made: a few kilometres around the centre. */
    record City(String region, double lat, double lon, int mcc, int mnc) {
    }

    static final List<City> CITIES = List.of(
            new City("DE", 52.52, 13.40, 262, 1),
            new City("ES", 40.42, -3.70, 214, 7));

    /** The site's pages, with the screenshot names. */
    static final Map<String, String> PAGES = pages();

    /**
     * Installed before every document's scripts: keeps each Leaflet map in {@code window.__testMaps} (Leaflet sets
     * the global {@code L}; the setter adds an init hook before map.js creates its map), so the test can move it.
     */
    static final String LEAFLET_HOOK = """
            (function () {
              var leaflet;
              Object.defineProperty(window, 'L', {
                configurable: true,
                get: function () { return leaflet; },
                set: function (value) {
                  leaflet = value;
                  if (value && value.Map && value.Map.addInitHook && !value.__testHook) {
                    value.__testHook = true;
                    value.Map.addInitHook(function () { (window.__testMaps = window.__testMaps || []).push(this); });
                  }
                }
              });
            })();
            """;

    /** Counts the pixels of an image or canvas element that are not fully transparent. */
    static final String OPAQUE = """
            function opaque(el) {
              var w = el.naturalWidth || el.width, h = el.naturalHeight || el.height;
              if (!w || !h || (el.complete === false)) { return -1; }
              var c = document.createElement('canvas');
              c.width = w; c.height = h;
              var g = c.getContext('2d');
              g.drawImage(el, 0, 0);
              var d = g.getImageData(0, 0, w, h).data, n = 0;
              for (var k = 3; k < d.length; k += 4) { if (d[k] > 0) { n++; } }
              return n;
            }
            """;

    @TempDir
    Path dataDir;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static Map<String, String> pages() {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("/", "home");
        pages.put("/api", "api");
        pages.put("/downloads", "downloads");
        pages.put("/map", "map");
        pages.put("/stats", "stats");
        pages.put("/stats/regions", "stats-regions");
        pages.put("/privacy", "privacy");
        pages.put("/terms", "terms");
        pages.put("/optout", "optout");
        pages.put("/contact", "contact");
        pages.put("/map.json", "map-json");
        pages.put("/stats_wifi.json", "stats-wifi-json");
        return pages;
    }

    @Test
    void every_page_loads_offline_without_errors_and_shows_the_submitted_coverage() throws Exception {
        Path chromium = SitePage.executable("CHROMIUM_PATH", "/usr/bin/chromium").orElse(null);
        Path chromedriver = SitePage.executable("CHROMEDRIVER_PATH", "/usr/bin/chromedriver").orElse(null);
        if (chromium == null || chromedriver == null) {
            if ("true".equals(System.getenv("CI"))) {
                fail("Chromium and chromedriver are required under CI=true: install Debian's chromium and "
                        + "chromium-driver packages (.ci/run does) or set CHROMIUM_PATH and CHROMEDRIVER_PATH");
            }
            assumeTrue(false, "no Chromium at CHROMIUM_PATH or /usr/bin/chromium, or no chromedriver at "
                    + "CHROMEDRIVER_PATH or /usr/bin/chromedriver");
        }
        long start = System.nanoTime();
        try (Application app = Application.open(Settings.from(Map.of("ICHNAEA_DATA_DIR", dataDir.toString())))) {
            app.keys.save(ApiKey.unlimited("browser"));
            Javalin web = app.web(Clock.systemUTC());
            web.start("127.0.0.1", 0);
            try {
                String base = "http://127.0.0.1:" + web.port();
                submitReports(base);
                PipelineJobs.processAll(PipelineJobs.parts(app, Clock.systemUTC()));
                log(start, "reports submitted and processed");
                try (SitePage page = new SitePage(chromium, chromedriver, Path.of("target/chromedriver.log"), 1280,
                        900)) {
                    log(start, "Chromium started");
                    page.addInitScript(LEAFLET_HOOK);
                    checkSite(page, base);
                }
            } finally {
                web.stop();
            }
        }
        log(start, "done");
    }

    private void checkSite(SitePage page, String base) throws Exception {
        SoftAssertions softly = new SoftAssertions();
        int wifi = CITIES.size() * REPORTS_PER_CITY * WIFI_PER_REPORT;
        int blue = CITIES.size() * REPORTS_PER_CITY;
        int cells = CITIES.size() * CELLS_PER_CITY;
        for (Map.Entry<String, String> entry : PAGES.entrySet()) {
            String path = entry.getKey();
            SitePage.Visit visit = page.open(base + path);
            switch (path) {
                case "/" -> checkHome(page, softly, wifi, blue, cells);
                case "/map" -> checkMap(page, softly, visit);
                case "/stats" -> checkStats(page, softly);
                case "/stats/regions" -> checkRegions(page, softly);
                case "/map.json" -> softly.assertThat(fetchJson(page, "/map.json").path("tiles_url").asText())
                        .as("/map.json tiles_url").isEqualTo("/tiles/");
                case "/stats_wifi.json" -> checkWifiFeed(page, softly, wifi);
                default -> {
                }
            }
            if (path.equals("/map")) {
                // The map was moved to Berlin: the requests of both views count; checkMap took the screenshots.
                visit = page.visit();
            } else {
                page.screenshot(SCREENSHOTS.resolve(entry.getValue() + ".png"));
            }
            softly.assertThat(visit.status()).as(path + ": status").isEqualTo(200);
            softly.assertThat(visit.errors()).as(path + ": console errors, exceptions, browser errors").isEmpty();
            softly.assertThat(visit.externalRequests()).as(path + ": requests leaving localhost").isEmpty();
            softly.assertThat(visit.failedRequests()).as(path + ": failed requests").isEmpty();
            if (!visit.warnings().isEmpty()) {
                System.out.println("[browser] " + path + " warnings: " + visit.warnings());
            }
        }
        softly.assertAll();
    }

    private void checkHome(SitePage page, SoftAssertions softly, int wifi, int blue, int cells) {
        JsonNode figures = page.evaluate("Array.from(document.querySelectorAll('.figures dd'))"
                + ".map(function (d) { return d.textContent.trim(); })");
        softly.assertThat(texts(figures)).as("home page totals: Wi-Fi, cells, Bluetooth")
                .containsExactly(count(wifi), count(cells), count(blue));
        int preview = page.evaluate("(function () {" + OPAQUE
                + "var img = document.querySelector('.preview img');"
                + "return img && img.naturalWidth === 512 ? opaque(img) : -1; })()").asInt();
        softly.assertThat(preview).as("opaque pixels of the home page's coverage preview (512 px)").isPositive();
    }

    private void checkMap(SitePage page, SoftAssertions softly, SitePage.Visit visit) throws Exception {
        softly.assertThat(page.waitFor("window.__testMaps && window.__testMaps.length === 1", Duration.ofSeconds(5)))
                .as("one Leaflet map on /map").isTrue();
        int zoom = page.evaluate("window.__testMaps[0].getZoom()").asInt();
        // The opening view shows both cities: their tiles must be requested, answered and drawn.
        Map<String, Integer> tileStatuses = visit.statuses("/tiles/");
        JsonNode drawn = coverageTiles(page);
        for (City city : CITIES) {
            String tile = tilePath(zoom, city.lat(), city.lon());
            softly.assertThat(tileStatuses.get(tile)).as("status of " + tile + " (" + city.region() + ")")
                    .isEqualTo(200);
            softly.assertThat(drawn.path(tile).path("width").asInt()).as("width of the drawn " + tile).isEqualTo(256);
            softly.assertThat(drawn.path(tile).path("opaque").asInt()).as("opaque pixels of " + tile).isPositive();
        }
        System.out.println("[browser] /map at zoom " + zoom + ": tiles " + tileStatuses);
        page.screenshot(SCREENSHOTS.resolve("map.png"));

        // Zoomed on Berlin, the tile under the city shows the coverage.
        City berlin = CITIES.get(0);
        page.evaluate("window.__testMaps[0].setView([" + berlin.lat() + ", " + berlin.lon() + "], 10, "
                + "{animate: false}), window.__testMaps[0].getZoom()");
        page.awaitQuiet();
        String tile = tilePath(10, berlin.lat(), berlin.lon());
        softly.assertThat(page.waitFor("Array.from(document.querySelectorAll('#map img.leaflet-tile-loaded'))"
                + ".some(function (i) { return new URL(i.src).pathname === '" + tile + "' && i.naturalWidth > 0; })",
                Duration.ofSeconds(10))).as(tile + " loaded on the Berlin view").isTrue();
        JsonNode berlinTiles = coverageTiles(page);
        softly.assertThat(page.visit().statuses("/tiles/10/").get(tile)).as("status of " + tile).isEqualTo(200);
        softly.assertThat(berlinTiles.path(tile).path("width").asInt()).as("width of " + tile).isEqualTo(256);
        softly.assertThat(berlinTiles.path(tile).path("opaque").asInt()).as("opaque pixels of " + tile)
                .isGreaterThan(100);
        System.out.println("[browser] Berlin at zoom 10: " + tile + " has " + berlinTiles.path(tile).path("opaque")
                + " opaque pixels");
        page.screenshot(SCREENSHOTS.resolve("map-berlin.png"));
    }

    /** The coverage tiles in the map now, by path: drawn width and opaque pixel count. */
    private static JsonNode coverageTiles(SitePage page) {
        return page.evaluate("(function () {" + OPAQUE + "var out = {};"
                + "Array.from(document.querySelectorAll('#map img.leaflet-tile')).forEach(function (i) {"
                + "  var path = new URL(i.src, location.href).pathname;"
                + "  if (path.indexOf('/tiles/') === 0 && i.complete && i.naturalWidth > 0) {"
                + "    out[path] = {width: i.naturalWidth, opaque: opaque(i)};"
                + "  }"
                + "});"
                + "return out; })()");
    }

    private void checkStats(SitePage page, SoftAssertions softly) {
        softly.assertThat(page.waitFor("document.querySelectorAll('.chart[data-feed] canvas').length === 3",
                Duration.ofSeconds(5))).as("three uPlot charts drawn").isTrue();
        JsonNode charts = page.evaluate("(function () {" + OPAQUE
                + "return Array.from(document.querySelectorAll('.chart[data-feed]')).map(function (c) {"
                + "  var canvas = c.querySelector('canvas'), note = c.querySelector('.chart-note');"
                + "  return {feed: c.getAttribute('data-feed'), width: canvas ? canvas.width : 0,"
                + "          opaque: canvas ? opaque(canvas) : -1, note: note ? note.textContent : null};"
                + "}); })()");
        softly.assertThat(charts.size()).as("charts on /stats").isEqualTo(3);
        for (JsonNode chart : charts) {
            String feed = chart.path("feed").asText();
            softly.assertThat(chart.path("width").asInt()).as("canvas width of the " + feed + " chart").isPositive();
            softly.assertThat(chart.path("opaque").asInt()).as("drawn pixels of the " + feed + " chart").isPositive();
            softly.assertThat(chart.path("note").isNull()).as("no note instead of the " + feed + " chart: "
                    + chart.path("note")).isTrue();
        }
        JsonNode metrics = page.evaluate("Array.from(document.querySelectorAll('.tables tbody tr'))"
                + ".map(function (r) { return Array.from(r.cells).map(function (c) { return c.textContent.trim(); })"
                + ".join('='); })");
        // A few hundred networks are 0.00 million: the counts themselves are checked in the feed and on the home page.
        softly.assertThat(texts(metrics)).as("/stats totals").contains("Wifi Networks=0.00", "MLS Cells=0.00",
                "Bluetooth Networks=0.00");
    }

    private void checkRegions(SitePage page, SoftAssertions softly) {
        JsonNode rows = page.evaluate("Array.from(document.querySelectorAll('table.regions tbody tr'))"
                + ".map(function (r) {"
                + "  return Array.from(r.cells).map(function (c) { return c.textContent.trim(); }); })");
        Map<String, List<String>> byCode = new LinkedHashMap<>();
        for (JsonNode row : rows) {
            byCode.put(row.path(0).asText(), texts(row));
        }
        softly.assertThat(byCode.keySet()).as("/stats/regions rows").containsExactlyInAnyOrder("DE", "ES");
        for (City city : CITIES) {
            List<String> row = byCode.getOrDefault(city.region(), List.of());
            // Code, name, GSM, WCDMA, LTE, NR, cells, Bluetooth, Wi-Fi.
            softly.assertThat(row).as("/stats/regions row of " + city.region()).hasSize(9);
            if (row.size() == 9) {
                softly.assertThat(row.get(4)).as(city.region() + " LTE cells").isEqualTo("" + CELLS_PER_CITY);
                softly.assertThat(row.get(6)).as(city.region() + " cells").isEqualTo("" + CELLS_PER_CITY);
                softly.assertThat(row.get(7)).as(city.region() + " Bluetooth").isEqualTo("" + REPORTS_PER_CITY);
                softly.assertThat(row.get(8)).as(city.region() + " Wi-Fi")
                        .isEqualTo("" + REPORTS_PER_CITY * WIFI_PER_REPORT);
            }
        }
    }

    private void checkWifiFeed(SitePage page, SoftAssertions softly, int wifi) {
        JsonNode feed = fetchJson(page, "/stats_wifi.json");
        List<Long> values = new ArrayList<>();
        for (JsonNode point : feed.path("series").path(0).path("data")) {
            values.add(point.path(1).asLong());
        }
        softly.assertThat(feed.path("series").path(0).path("title").asText()).isEqualTo("MLS WiFi");
        softly.assertThat(values).as("/stats_wifi.json values").contains((long) wifi);
    }

    private JsonNode fetchJson(SitePage page, String path) {
        String body = page.evaluate("fetch('" + path + "').then(function (r) { return r.text(); })").asText();
        try {
            return json.readTree(body);
        } catch (java.io.IOException e) {
            throw new AssertionError(path + " is not JSON: " + body, e);
        }
    }

    /** {@code REPORTS_PER_CITY} reports per city, each with three new Wi-Fi networks, a beacon and a cell. */
    private void submitReports(String base) throws Exception {
        Random random = new Random(7);
        List<Map<String, Object>> items = new ArrayList<>();
        for (int c = 0; c < CITIES.size(); c++) {
            City city = CITIES.get(c);
            for (int i = 0; i < REPORTS_PER_CITY; i++) {
                List<Map<String, Object>> wifi = new ArrayList<>();
                for (int j = 0; j < WIFI_PER_REPORT; j++) {
                    wifi.add(Map.of("macAddress", String.format("c4:b7:%02x:%02x:%02x:%02x", c, i >> 8, i & 0xff, j),
                            "signalStrength", -60));
                }
                items.add(Map.of(
                        "position", Map.of("latitude", city.lat() + (random.nextDouble() - 0.5) * 0.04,
                                "longitude", city.lon() + (random.nextDouble() - 0.5) * 0.06, "accuracy", 10),
                        "wifiAccessPoints", wifi,
                        "bluetoothBeacons", List.of(Map.of("macAddress",
                                String.format("dc:b7:%02x:%02x:%02x:00", c, i >> 8, i & 0xff), "signalStrength", -70)),
                        "cellTowers", List.of(Map.of("radioType", "lte", "mobileCountryCode", city.mcc(),
                                "mobileNetworkCode", city.mnc(), "locationAreaCode", 4100 + c,
                                "cellId", 40_000 + i % CELLS_PER_CITY, "signalStrength", -80))));
            }
        }
        for (int from = 0; from < items.size(); from += 50) {
            String body = json.writeValueAsString(Map.of("items", items.subList(from, Math.min(from + 50,
                    items.size()))));
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create(base + "/v2/geosubmit?key=browser")).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("geosubmit: " + response.body()).isEqualTo(200);
        }
    }

    /** The slippy-map tile under a point: {@code /tiles/z/x/y.png}. */
    static String tilePath(int zoom, double lat, double lon) {
        int n = 1 << zoom;
        int x = (int) Math.floor((lon + 180) / 360 * n);
        double rad = Math.toRadians(lat);
        int y = (int) Math.floor((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2 * n);
        return "/tiles/" + zoom + "/" + x + "/" + y + ".png";
    }

    private static String count(int value) {
        return String.format(java.util.Locale.ENGLISH, "%,d", value);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static void log(long start, String what) {
        System.out.printf("[browser] %.1f s: %s%n", (System.nanoTime() - start) / 1e9, what);
    }
}
