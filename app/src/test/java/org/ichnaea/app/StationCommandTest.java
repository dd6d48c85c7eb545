package org.ichnaea.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.ichnaea.core.apikey.ApiKey;
import org.ichnaea.core.radio.CellAreaId;
import org.ichnaea.core.radio.CellId;
import org.ichnaea.core.radio.MacAddress;
import org.ichnaea.core.radio.RadioType;
import org.ichnaea.core.station.CellStation;
import org.ichnaea.core.station.MacStation;
import org.ichnaea.core.station.StationData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code station delete} and {@code station block} on the embedded database while the server runs: a blocked Wi-Fi
 * network, Bluetooth beacon or cell loses its position and is not learned again from new submissions; a deleted one
 * is gone, and is learned again.
 */
class StationCommandTest {

    private static final String A = "5a:5a:5a:00:00:01";
    private static final String B = "5a:5a:5a:00:00:02";
    private static final String BEACON = "5b:5b:5b:00:00:01";
    private static final CellId CELL = new CellId(RadioType.LTE, 262, 2, 812, 12345);

    @TempDir
    Path dataDir;

    private Map<String, String> env() {
        return Map.of("ICHNAEA_DATA_DIR", dataDir.toString());
    }

    /** Two reports, 22 m apart, that each see A, B, the beacon and the cell. */
    private static String reports() {
        String item = "{\"position\":{\"latitude\":%s,\"longitude\":13.40,\"accuracy\":5},"
                + "\"wifiAccessPoints\":[{\"macAddress\":\"" + A + "\",\"signalStrength\":-60},"
                + "{\"macAddress\":\"" + B + "\",\"signalStrength\":-65}],"
                + "\"bluetoothBeacons\":[{\"macAddress\":\"" + BEACON + "\",\"signalStrength\":-70}],"
                + "\"cellTowers\":[{\"radioType\":\"lte\",\"mobileCountryCode\":262,\"mobileNetworkCode\":2,"
                + "\"locationAreaCode\":812,\"cellId\":12345,\"signalStrength\":-80}]}";
        return "{\"items\":[" + String.format(item, "52.5200") + "," + String.format(item, "52.5202") + "]}";
    }

    private static final String QUERY = "{\"considerIp\":false,\"wifiAccessPoints\":[{\"macAddress\":\"" + A
            + "\"},{\"macAddress\":\"" + B + "\"}]}";

    private void submitAndProcess(HttpClient client) {
        assertThat(client.post("/v2/geosubmit", reports()).code()).isEqualTo(200);
        assertThat(Main.run(new String[] {"process"}, env())).isZero();
    }

    private StationData wifi(Application app, String mac) {
        return app.wifi.findAll(List.of(MacAddress.of(mac))).stream().findFirst().map(MacStation::data).orElse(null);
    }

    private StationData cell(Application app) {
        return app.cells.findAll(List.of(CELL)).stream().findFirst().map(CellStation::data).orElse(null);
    }

    @Test
    void blocked_stations_lose_their_position_and_are_not_learned_again_deleted_ones_are() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        try (Application app = Application.open(Settings.from(env()))) {
            app.keys.save(ApiKey.unlimited("k"));
            JavalinTest.test(app.web(Clock.systemUTC()), (server, client) -> {
                submitAndProcess(client);
                assertThat(wifi(app, A).hasPosition()).isTrue();
                assertThat(cell(app).hasPosition()).isTrue();
                assertThat(app.areas.findAll(List.of(CELL.area()))).singleElement()
                        .satisfies(area -> assertThat(area.numCells()).isEqualTo(1));
                assertThat(client.post("/v1/geolocate?key=k", QUERY).code()).as("A and B locate").isEqualTo(200);
                long samplesOfB = wifi(app, B).samples();

                assertThat(run("station", "block", "wifi", A.toUpperCase())).isEqualTo(
                        new Run(0, "blocked wifi 5a5a5a000001\n"));
                assertThat(run("station", "block", "blue", BEACON, "5b-5b-5b-00-00-02")).isEqualTo(new Run(0,
                        "blocked blue 5b5b5b000001\nblocked blue 5b5b5b000002 (not stored before)\n"));
                assertThat(run("station", "block", "cell", "lte", "262", "2", "812", "12345")).isEqualTo(
                        new Run(0, "blocked cell lte:262:2:812:12345\n"));

                StationData a = wifi(app, A);
                assertThat(a.hasPosition()).isFalse();
                assertThat(a.isBlocked(today.plusYears(50))).isTrue();
                assertThat(cell(app).hasPosition()).isFalse();
                assertThat(app.areas.findAll(List.of(CELL.area()))).as("the area lost its only cell").isEmpty();
                assertThat(client.post("/v1/geolocate?key=k", QUERY).code()).as("B alone is not enough")
                        .isEqualTo(404);

                // New submissions of the same networks: B learns more, A, the beacon and the cell stay blocked.
                submitAndProcess(client);
                assertThat(wifi(app, B).samples()).isGreaterThan(samplesOfB);
                assertThat(wifi(app, A)).isEqualTo(a);
                assertThat(app.blue.findAll(List.of(MacAddress.of(BEACON)))).singleElement()
                        .satisfies(s -> assertThat(s.data().hasPosition()).isFalse());
                assertThat(cell(app).hasPosition()).isFalse();
                assertThat(cell(app).isBlockedForGood()).isTrue();
                assertThat(client.post("/v1/geolocate?key=k", QUERY).code()).isEqualTo(404);

                // Deleting lifts the block: the next submissions teach A again.
                assertThat(run("station", "delete", "wifi", A)).isEqualTo(new Run(0, "deleted wifi 5a5a5a000001\n"));
                assertThat(wifi(app, A)).isNull();
                assertThat(run("station", "delete", "wifi", A).code()).as("nothing to delete").isEqualTo(1);
                assertThat(run("station", "delete", "cell", "lte", "262", "2", "812", "12345")).isEqualTo(
                        new Run(0, "deleted cell lte:262:2:812:12345\n"));
                assertThat(cell(app)).isNull();
                submitAndProcess(client);
                assertThat(wifi(app, A).hasPosition()).isTrue();
                assertThat(cell(app).hasPosition()).isTrue();
                assertThat(client.post("/v1/geolocate?key=k", QUERY).code()).isEqualTo(200);
            });
        }
    }

    @Test
    void a_gsm_cell_with_a_cell_id_above_16_bits_is_the_wcdma_cell_it_is_stored_as() {
        assertThat(run("station", "block", "cell", "gsm", "262", "1", "100", "70000")).isEqualTo(
                new Run(0, "blocked cell wcdma:262:1:100:70000 (not stored before)\n"));
        try (Application app = Application.open(Settings.from(env()))) {
            assertThat(app.cells.findAll(List.of(new CellId(RadioType.WCDMA, 262, 1, 100, 70000))))
                    .singleElement().satisfies(c -> assertThat(c.data().isBlockedForGood()).isTrue());
            assertThat(app.areas.findAll(List.of(new CellAreaId(RadioType.WCDMA, 262, 1, 100)))).isEmpty();
        }
    }

    @Test
    void bad_arguments_exit_1_with_a_reason() {
        assertThat(run("station", "block", "cell", "lte", "262", "2").code()).isEqualTo(1);
        assertThat(run("station", "block", "cell", "cdma", "262", "2", "812", "1").code()).isEqualTo(1);
        assertThat(run("station", "block", "wifi", "not-a-mac").code()).isEqualTo(1);
        assertThat(run("station", "delete", "tower", "1").code()).isEqualTo(1);
        assertThat(run("station", "block", "wifi").code()).as("no MAC").isNotZero();
    }

    record Run(int code, String out) {
    }

    /** Runs the CLI, capturing what it prints on stdout. */
    private Run run(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        synchronized (System.class) {
            System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            try {
                int code = Main.run(args, env());
                return new Run(code, bytes.toString(StandardCharsets.UTF_8));
            } finally {
                System.setOut(original);
            }
        }
    }
}
