package org.ichnaea.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ichnaea.core.apikey.ApiKey;
import org.ichnaea.core.radio.CellId;
import org.ichnaea.core.radio.RadioType;
import org.ichnaea.core.station.CellStation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Territories that Natural Earth keeps inside another country or lacks at 1:50m (docs/decisions/007-region-shapes.md),
 * end to end on the embedded default: a report with a cell of the territory's MCC and two Wi-Fi networks is submitted,
 * the pipeline learns the stations (the cell is not dropped as outside its MCC's regions), and {@code /v1/country}
 * with those Wi-Fi networks answers the territory's code and name.
 */
class TerritoryRegionsTest {

    private record Territory(String code, String name, double lat, double lon, int mcc, String macPrefix) {
    }

    private static final List<Territory> TERRITORIES = List.of(
            new Territory("RE", "Réunion", -21.2779, 55.5177, 647, "e1:00:00:00:01:"), // Le Tampon
            new Territory("GI", "Gibraltar", 36.1408, -5.3536, 266, "e1:00:00:00:02:"), // Gibraltar town
            new Territory("AX", "Åland Islands", 60.0973, 19.9348, 244, "e1:00:00:00:03:")); // Mariehamn

    @TempDir
    Path dataDir;

    private static String report(Territory t, double dLat) {
        return String.format(java.util.Locale.ROOT, "{\"position\":{\"latitude\":%.5f,\"longitude\":%.5f,\"accuracy\":10},"
                + "\"cellTowers\":[{\"radioType\":\"lte\",\"mobileCountryCode\":%d,\"mobileNetworkCode\":1,"
                + "\"locationAreaCode\":7,\"cellId\":4242,\"signalStrength\":-80}],"
                + "\"wifiAccessPoints\":[{\"macAddress\":\"%s01\",\"signalStrength\":-60},"
                + "{\"macAddress\":\"%s02\",\"signalStrength\":-65}]}", t.lat() + dLat, t.lon(), t.mcc(),
                t.macPrefix(), t.macPrefix());
    }

    @Test
    void submitted_cells_become_stations_and_the_country_api_answers_the_territory() {
        ObjectMapper json = new ObjectMapper();
        try (Application app = Application.open(Settings.from(Map.of("ICHNAEA_DATA_DIR", dataDir.toString())))) {
            app.keys.save(ApiKey.unlimited("k"));
            JavalinTest.test(app.web(Clock.systemUTC()), (server, client) -> {
                List<String> items = new ArrayList<>();
                for (Territory t : TERRITORIES) {
                    items.add(report(t, 0.0));
                    items.add(report(t, 0.0002));
                }
                Response submitted = client.post("/v2/geosubmit?key=k", "{\"items\":[" + String.join(",", items) + "]}");
                assertThat(submitted.code()).isEqualTo(200);

                app.pipeline(Clock.systemUTC()).drain();

                for (Territory t : TERRITORIES) {
                    List<CellStation> cells = app.cells.findAll(List.of(new CellId(RadioType.LTE, t.mcc(), 1, 7, 4242)));
                    assertThat(cells).as("the %s cell (MCC %d) became a station", t.code(), t.mcc())
                            .singleElement().satisfies(c -> assertThat(c.data().region()).isEqualTo(t.code()));
                    String query = "{\"considerIp\":false,\"wifiAccessPoints\":[{\"macAddress\":\"" + t.macPrefix()
                            + "01\"},{\"macAddress\":\"" + t.macPrefix() + "02\"}]}";
                    Response country = client.post("/v1/country?key=k", query);
                    assertThat(country.code()).as(t.code()).isEqualTo(200);
                    JsonNode body = json.readTree(country.body().string());
                    assertThat(body.path("country_code").asText()).as(t.name()).isEqualTo(t.code());
                    assertThat(body.path("country_name").asText()).isEqualTo(t.name());
                }
                assertThat(app.cells.count()).isEqualTo(TERRITORIES.size());
                assertThat(app.wifi.count()).isEqualTo(2L * TERRITORIES.size());
            });
        }
    }
}
