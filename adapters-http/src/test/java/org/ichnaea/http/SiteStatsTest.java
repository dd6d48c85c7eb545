package org.ichnaea.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.ichnaea.core.radio.RadioType;
import org.ichnaea.core.stats.StatKey;
import org.ichnaea.core.testing.TestClock;
import org.ichnaea.core.testing.TestStations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /stats}, {@code /stats/regions} and the JSON feeds (docs/site.md, docs/algorithms.md §13.3). */
class SiteStatsTest {

    private static final LocalDate TODAY = TestClock.TODAY;

    @TempDir
    Path dataDir;

    private static String row(String name, String value) {
        return "<tr><td>" + name + "</td><td class=\"num\">" + value + "</td></tr>";
    }

    @Test
    void the_two_tables_show_millions_rounded_down_from_today_or_the_latest_earlier_row() {
        SiteFixture site = new SiteFixture(dataDir);
        site.stats.add(StatKey.UNIQUE_WIFI, TODAY, 1_500_000);
        site.stats.add(StatKey.WIFI, TODAY.minusDays(1), 1_234_567);
        site.stats.add(StatKey.UNIQUE_BLUE, TODAY.minusDays(40), 9_999);
        site.stats.add(StatKey.UNIQUE_CELL, TODAY, 123_456_789);
        site.stats.add(StatKey.CELL, TODAY, 10_000);
        site.stats.add(StatKey.CELL, TODAY.plusDays(1), 5_000_000);
        JavalinTest.test(site.app(), (server, client) -> {
            String body = client.get("/stats").body().string();
            assertThat(body).contains("<th scope=\"col\" class=\"num\">Value (in millions)</th>")
                    .contains(row("Bluetooth Networks", "0.00"))
                    .contains(row("Bluetooth Observations", "0.00"))
                    .contains(row("Wifi Networks", "1.50"))
                    .contains(row("Wifi Observations", "1.23"))
                    .contains(row("MLS Cells", "123.45"))
                    .contains(row("MLS Cell Observations", "0.01"))
                    .contains("data-feed=\"/stats_wifi.json\"", "data-feed=\"/stats_cell.json\"",
                            "data-feed=\"/stats_blue.json\"")
                    .contains("<script src=\"/static/vendor/uplot/uPlot.iife.min.js\"></script>");
            assertThat(body.indexOf("Wifi Observations")).isLessThan(body.indexOf("MLS Cells"));
        });
    }

    @Test
    void feeds_give_the_largest_value_of_each_month_at_its_first_day_over_365_days() {
        SiteFixture site = new SiteFixture(dataDir);
        site.stats.add(StatKey.UNIQUE_WIFI, LocalDate.parse("2025-06-10"), 50);   // 50, older than 365 days
        site.stats.add(StatKey.UNIQUE_WIFI, LocalDate.parse("2025-06-20"), 50);   // 100
        site.stats.add(StatKey.UNIQUE_WIFI, LocalDate.parse("2025-06-30"), 50);   // 150
        site.stats.add(StatKey.UNIQUE_WIFI, LocalDate.parse("2025-07-05"), 50);   // 200
        site.stats.add(StatKey.UNIQUE_WIFI, TODAY, 1_300_000);                     // 1,300,200
        site.stats.add(StatKey.UNIQUE_CELL, LocalDate.parse("2026-05-31"), 7);
        site.stats.add(StatKey.WIFI, TODAY, 999);
        JavalinTest.test(site.app(), (server, client) -> {
            Response wifi = client.get("/stats_wifi.json");
            assertThat(wifi.code()).isEqualTo(200);
            assertThat(wifi.headers().get("Content-Type")).containsExactly("application/json");
            assertThat(wifi.headers().get("Cache-Control")).containsExactly("max-age=60");
            assertThat(wifi.body().string()).isEqualTo("{\"series\":[{\"title\":\"MLS WiFi\",\"data\":"
                    + "[[1748736000000,150],[1751328000000,200],[1780272000000,1300200]]}]}");
            assertThat(client.get("/stats_cell.json").body().string())
                    .isEqualTo("{\"series\":[{\"title\":\"MLS Cells\",\"data\":[[1777593600000,7]]}]}");
            assertThat(client.get("/stats_blue.json").body().string())
                    .isEqualTo("{\"series\":[{\"title\":\"MLS Bluetooth\",\"data\":[]}]}");
        });
    }

    @Test
    void map_json_points_at_the_local_tiles() {
        SiteFixture site = new SiteFixture(dataDir);
        JavalinTest.test(site.app(), (server, client) -> {
            Response r = client.get("/map.json");
            assertThat(r.body().string()).isEqualTo("{\"tiles_url\":\"/tiles/\"}");
            assertThat(r.headers().get("Content-Type")).containsExactly("application/json");
            assertThat(r.headers().get("Cache-Control")).containsExactly("max-age=60");
        });
    }

    @Test
    void statistics_are_rendered_once_a_minute_at_most() {
        SiteFixture site = new SiteFixture(dataDir);
        site.stats.add(StatKey.UNIQUE_WIFI, TODAY, 1_500_000);
        JavalinTest.test(site.app(), (server, client) -> {
            assertThat(client.get("/stats").body().string()).contains(row("Wifi Networks", "1.50"));
            assertThat(client.get("/stats_wifi.json").body().string()).contains("1500000");
            site.stats.add(StatKey.UNIQUE_WIFI, TODAY, 1_000_000);
            site.clock.advance(Duration.ofSeconds(59));
            assertThat(client.get("/stats").body().string()).contains(row("Wifi Networks", "1.50"));
            assertThat(client.get("/stats_wifi.json").body().string()).contains("1500000");
            site.clock.advance(Duration.ofSeconds(2));
            assertThat(client.get("/stats").body().string()).contains(row("Wifi Networks", "2.50"));
            assertThat(client.get("/stats_wifi.json").body().string()).contains("2500000");
        });
    }

    @Test
    void stats_pages_answer_503_with_a_friendly_page_while_the_statistics_are_down() {
        SiteFixture site = new SiteFixture(dataDir);
        site.statStore = new SiteFixture.UnavailableStatStore();
        site.regionStore = new SiteFixture.UnavailableRegionStatStore();
        JavalinTest.test(site.app(), (server, client) -> {
            for (String path : List.of("/stats", "/stats/regions")) {
                Response r = client.get(path);
                assertThat(r.code()).as(path).isEqualTo(503);
                assertThat(r.headers().get("Content-Type")).containsExactly("text/html;charset=utf-8");
                assertThat(r.headers().get("Cache-Control")).containsExactly("no-store");
                assertThat(r.headers().get("Retry-After")).containsExactly("60");
                assertThat(r.body().string()).contains("<title>Statistics unavailable · Ichnaea for the JVM</title>")
                        .contains("Please try again in a minute");
            }
            Response feed = client.get("/stats_cell.json");
            assertThat(feed.code()).isEqualTo(503);
            assertThat(feed.body().string()).isEqualTo("{\"series\":[]}");
            assertThat(client.get("/map").code()).as("other pages need no database").isEqualTo(200);
            assertThat(client.get("/downloads").code()).isEqualTo(200);
        });
    }

    @Test
    void a_failure_is_not_cached() {
        SiteFixture site = new SiteFixture(dataDir);
        site.statStore = new SiteFixture.UnavailableStatStore();
        JavalinTest.test(site.app(), (server, client) -> assertThat(client.get("/stats").code()).isEqualTo(503));
        // The same services, now with a working store: a new application renders at once.
        site.statStore = site.stats;
        JavalinTest.test(site.app(), (server, client) -> assertThat(client.get("/stats").code()).isEqualTo(200));
    }

    @Test
    void regions_are_listed_by_cells_descending_with_english_names_and_escaped() {
        SiteFixture site = new SiteFixture(dataDir);
        site.areas.saveAll(List.of(
                TestStations.area(RadioType.GSM, 262, 1, 1).region("DE").numCells(4).build(),
                TestStations.area(RadioType.GSM, 262, 1, 2).region("DE").numCells(6).build(),
                TestStations.area(RadioType.LTE, 262, 1, 3).region("DE").numCells(5).build(),
                TestStations.area(RadioType.NR, 208, 1, 1).region("FR").numCells(1_030).build(),
                TestStations.area(RadioType.WCDMA, 999, 1, 1).region("<i>").numCells(1).build()));
        site.wifi.saveAll(List.of(TestStations.wifi("aa:bb:cc:00:00:01").at(52.5, 13.4).region("DE").build(),
                TestStations.wifi("aa:bb:cc:00:00:02").at(52.5, 13.4).region("DE").build()));
        site.blue.saveAll(List.of(TestStations.blue("aa:bb:cc:00:00:03").at(48.8, 2.3).region("FR").build()));
        site.regions.recompute();
        JavalinTest.test(site.app(), (server, client) -> {
            String body = client.get("/stats/regions").body().string();
            String france = "<td>FR</td><td>France</td>\n    <td class=\"num\">0</td><td class=\"num\">0</td>"
                    + "<td class=\"num\">0</td>\n    <td class=\"num\">1,030</td><td class=\"num\">1,030</td>\n"
                    + "    <td class=\"num\">1</td><td class=\"num\">0</td>";
            String germany = "<td>DE</td><td>Germany</td>\n    <td class=\"num\">10</td><td class=\"num\">0</td>"
                    + "<td class=\"num\">5</td>\n    <td class=\"num\">0</td><td class=\"num\">15</td>\n"
                    + "    <td class=\"num\">0</td><td class=\"num\">2</td>";
            assertThat(body).contains(france, germany, "<td>&lt;i&gt;</td><td>&lt;i&gt;</td>")
                    .doesNotContain("<i>");
            assertThat(body.indexOf(france)).isLessThan(body.indexOf(germany));
            assertThat(body.indexOf(germany)).isLessThan(body.indexOf("&lt;i&gt;"));
        });
    }
}
