package org.ichnaea.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.ichnaea.core.radio.CellId;
import org.ichnaea.core.radio.MacAddress;
import org.ichnaea.core.radio.RadioType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GeoClue 2.6 (Debian bookworm) posts old {@code /v1/submit} items to its default submission URL,
 * {@code /v2/geosubmit} (issue 15, item 2). Its bodies, as {@code gclue_mozilla_create_submit_query} in
 * {@code src/gclue-mozilla.c} builds them (one item; {@code lat}, {@code lon}, {@code accuracy}, {@code altitude},
 * {@code time} in local time with an hour-only offset, {@code radioType} "gsm", {@code wifi} entries
 * {@code {key, signal, frequency}}, one {@code cell} {@code {radio: "gsm", cid, mcc, mnc, lac}} whatever the
 * tower's technology), replayed against {@code /v2/geosubmit}; after {@code process} every network is learnt and
 * GeoClue's own locate queries find them.
 */
class GeoClueSubmitTest {

    @TempDir
    Path dataDir;

    /** GeoClue's time: g_date_time_format (local, "%Y-%m-%dT%H:%M:%S%:::z"), e.g. 2024-05-01T14:03:27+02. */
    private static String geoclueTime() {
        ZonedDateTime local = ZonedDateTime.now(ZoneOffset.ofHours(2)).minusMinutes(1);
        return DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").format(local) + "+02";
    }

    private static String body(double lat, double lon, String wifi, String cell) {
        return "{\"items\":[{\"lat\":" + lat + ",\"lon\":" + lon + ",\"accuracy\":12.0,\"altitude\":41.0,"
                + "\"time\":\"" + geoclueTime() + "\",\"radioType\":\"gsm\""
                + (wifi == null ? "" : ",\"wifi\":[" + wifi + "]")
                + (cell == null ? "" : ",\"cell\":[" + cell + "]") + "}]}";
    }

    private static String wifi(String mac, int signal, int frequency) {
        return "{\"key\":\"" + mac + "\",\"signal\":" + signal + ",\"frequency\":" + frequency + "}";
    }

    private static String cell(long cid) {
        return "{\"radio\":\"gsm\",\"cid\":" + cid + ",\"mcc\":262,\"mnc\":2,\"lac\":812}";
    }

    @Test
    void geoclue_submissions_at_v2_geosubmit_are_learnt_by_process() {
        Map<String, String> env = Map.of("ICHNAEA_DATA_DIR", dataDir.toString());
        List<String> bodies = List.of(
                // A laptop: Wi-Fi only.
                body(52.520008, 13.404954, String.join(",", wifi("c0:c0:c0:00:00:01", -58, 2412),
                        wifi("c0:c0:c0:00:00:02", -67, 2437), wifi("c0:c0:c0:00:00:03", -74, 5180)), null),
                // A phone with a modem: Wi-Fi and its GSM cell.
                body(52.520108, 13.405054, String.join(",", wifi("c0:c0:c0:00:00:01", -55, 2412),
                        wifi("c0:c0:c0:00:00:02", -70, 2437)), cell(4711)),
                // A phone on UMTS: GeoClue still says "gsm"; the cell id above 65535 makes it WCDMA.
                body(52.521, 13.406, null, cell(12_345_678)));
        try (Application app = Application.open(Settings.from(env))) {
            app.keys.save(org.ichnaea.core.apikey.ApiKey.unlimited("geoclue"));
            JavalinTest.test(app.web(Clock.systemUTC()), (server, client) -> {
                for (String body : bodies) {
                    Response r = client.request("/v2/geosubmit?key=geoclue", b -> b.post(HttpRequest.BodyPublishers
                            .ofString(body)).header("Content-Type", "application/json")
                            .header("X-Nickname", "tester"));
                    assertThat(r.code()).as(body).isEqualTo(200);
                    assertThat(r.body().string()).isEqualTo("{}");
                }
                assertThat(client.get("/__metrics__").body().string())
                        .contains("submit_v0_items_total{api=\"v2.geosubmit\"} 3.0");

                assertThat(Main.run(new String[] {"process"}, env)).isZero();

                assertThat(app.wifi.findAll(List.of(MacAddress.of("c0:c0:c0:00:00:01"),
                        MacAddress.of("c0:c0:c0:00:00:02"), MacAddress.of("c0:c0:c0:00:00:03")))).hasSize(3);
                assertThat(app.cells.findAll(List.of(new CellId(RadioType.GSM, 262, 2, 812, 4711),
                        new CellId(RadioType.WCDMA, 262, 2, 812, 12_345_678)))).hasSize(2);

                // GeoClue's own locate queries (gclue_mozilla_create_query) now find them.
                Response byWifi = client.post("/v1/geolocate?key=geoclue", "{\"wifiAccessPoints\":["
                        + "{\"macAddress\":\"c0:c0:c0:00:00:01\",\"signalStrength\":-60},"
                        + "{\"macAddress\":\"c0:c0:c0:00:00:02\",\"signalStrength\":-68}]}");
                assertThat(byWifi.code()).isEqualTo(200);
                assertThat(byWifi.body().string()).startsWith("{\"location\":{\"lat\":52.520");
                for (long cid : new long[] {4711, 12_345_678}) {
                    Response byCell = client.post("/v1/geolocate?key=geoclue", "{\"considerIp\":false,"
                            + "\"fallbacks\":{\"lacf\":false},\"radioType\":\"gsm\",\"cellTowers\":[{\"cellId\":" + cid
                            + ",\"mobileCountryCode\":262,\"mobileNetworkCode\":2,\"locationAreaCode\":812}]}");
                    assertThat(byCell.code()).as("cell " + cid).isEqualTo(200);
                    assertThat(byCell.body().string()).startsWith("{\"location\":{\"lat\":52.52");
                }
            });
        }
    }
}
