package org.ichnaea.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.ichnaea.core.evaluate.EvaluationResult;
import org.ichnaea.core.evaluate.Figures;
import org.ichnaea.core.evaluate.LookupOrder;
import org.ichnaea.http.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The evaluate command on a tiny synthetic data set in Berlin: what it learns, what it answers, what it measures. */
class EvaluationTest {

    /** Metres per 0.001° of latitude on the haversine sphere (6,371,009 m). */
    private static final double MILLIDEGREE = 111.19508;

    @TempDir
    Path dir;

    @Test
    void learns_from_geosubmit_items_and_measures_both_kinds_of_test_line() throws IOException {
        Path train = trainFile();
        Path test = testFile();

        EvaluationResult r = Evaluation.run(train, test, new Evaluation.Options(2, null, List.of("mobility"),
                LookupOrder.DATABASE, null, org.ichnaea.core.locate.Algorithm.ICHNAEA));

        assertThat(r.train().lines()).isEqualTo(8);
        assertThat(r.train().bad()).as("the line that is not JSON").isEqualTo(1);
        assertThat(r.learning().submitted()).isEqualTo(7);
        assertThat(r.learning().droppedAtSubmit()).isZero();
        assertThat(r.learning().stations().wifi()).isEqualTo(4);
        assertThat(r.learning().stations().cell()).isEqualTo(1);
        assertThat(r.test().lines()).isEqualTo(5);
        assertThat(r.test().bad()).as("the query without a truth").isEqualTo(1);

        Figures all = r.overall();
        assertThat(all.queries()).isEqualTo(4);
        assertThat(all.found()).isEqualTo(3);
        assertThat(all.foundPercent()).isEqualTo(75.0);
        // Errors 0 (Wi-Fi), 111 m (Wi-Fi, truth 0.001° north), 222 m (cell, truth 0.002° north).
        assertThat(all.errorP50()).isCloseTo(MILLIDEGREE, within(0.01));
        assertThat(all.errorP90()).isCloseTo(1.8 * MILLIDEGREE, within(0.01));
        assertThat(all.errorP95()).isCloseTo(1.9 * MILLIDEGREE, within(0.01));
        assertThat(all.insidePercent()).as("Wi-Fi answers are 10 m wide, the cell's at least 1 km")
                .isCloseTo(200.0 / 3, within(0.001));
        assertThat(r.byAnswer().keySet()).containsExactly("wifi", "cell", "none");
        assertThat(r.byAnswer().get("wifi").errorP50()).isCloseTo(MILLIDEGREE / 2, within(0.01));
        assertThat(r.byAnswer().get("wifi").medianAccuracy()).isEqualTo(10.0);
        assertThat(r.byKind().keySet()).containsExactly("cell", "wifi");
        assertThat(r.byKind().get("wifi").queries()).isEqualTo(3);
        assertThat(r.byKind().get("wifi").found()).isEqualTo(2);
        assertThat(r.byTag().get("mobility").keySet()).containsExactly("-", "driving", "walking");
        assertThat(r.byTag().get("mobility").get("driving").found()).isZero();

        String table = Evaluation.table(r);
        assertThat(table).contains("answered by", "query kind", "tag mobility");
        assertThat(table.lines().filter(l -> l.startsWith("all ")).findFirst().orElseThrow())
                .contains("75.0", "111.2", "66.7");
    }

    @Test
    void the_command_prints_the_table_and_writes_the_figures_as_json() throws IOException {
        Path json = dir.resolve("figures.json");
        int code = Main.run(new String[] {"evaluate", "--train", trainFile().toString(), "--test",
            testFile().toString(), "--json", json.toString(), "--batch", "1"}, Map.of());

        assertThat(code).isZero();
        JsonNode figures = Json.parse(Files.readString(json));
        assertThat(figures.at("/overall/queries").asInt()).isEqualTo(4);
        assertThat(figures.at("/overall/foundPercent").asDouble()).isEqualTo(75.0);
        assertThat(figures.at("/overall/errorP50").asDouble()).isCloseTo(MILLIDEGREE, within(0.01));
        assertThat(figures.at("/byAnswer/none/queries").asInt()).isEqualTo(1);
        assertThat(figures.at("/learning/stations/wifi").asInt()).isEqualTo(4);
        assertThat(Main.run(new String[] {"evaluate", "--train", trainFile().toString(), "--test",
            testFile().toString(), "--lookup-order", "random"}, Map.of())).isEqualTo(1);
    }

    /** Wi-Fi pairs seen three times each at two points of Berlin, a cell at a third, and one line of rubbish. */
    private Path trainFile() throws IOException {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            lines.append(item(1_700_000_000_000L + i, 52.52, "\"wifiAccessPoints\":[" + wifi("02:00:00:00:0a:01")
                    + "," + wifi("02:00:00:00:0a:02") + "]")).append('\n');
            lines.append(item(1_700_000_100_000L + i, 52.53, "\"wifiAccessPoints\":[" + wifi("02:00:00:00:0b:01")
                    + "," + wifi("02:00:00:00:0b:02") + "]")).append('\n');
        }
        lines.append(item(1_700_000_200_000L, 52.54, "\"cellTowers\":[" + cell() + "]")).append('\n');
        lines.append("this is not JSON\n\n");
        Path file = dir.resolve("train.jsonl.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(lines.toString().getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    /**
     * A make_queries.py line answered exactly, one with unknown networks, a Geosubmit item 0.001° north of its Wi-Fi
     * pair, a Geosubmit cell item 0.002° north of its cell, and a query without a truth.
     */
    private Path testFile() throws IOException {
        String known = "[" + wifi("02:00:00:00:0a:01") + "," + wifi("02:00:00:00:0a:02") + "]";
        String unknown = "[" + wifi("02:00:00:00:0e:01") + "," + wifi("02:00:00:00:0e:02") + "]";
        String lines = String.join("\n",
                "{\"truth\":{\"lat\":52.52,\"lon\":13.405},\"kind\":\"wifi\",\"tags\":{\"mobility\":\"walking\"},"
                        + "\"request\":{\"considerIp\":false,\"wifiAccessPoints\":" + known + "}}",
                "{\"truth\":{\"lat\":52.52,\"lon\":13.405},\"kind\":\"wifi\",\"tags\":{\"mobility\":\"driving\"},"
                        + "\"request\":{\"considerIp\":false,\"wifiAccessPoints\":" + unknown + "}}",
                item(1_700_000_300_000L, 52.531, "\"wifiAccessPoints\":[" + wifi("02:00:00:00:0b:01") + ","
                        + wifi("02:00:00:00:0b:02") + "]"),
                item(1_700_000_400_000L, 52.542, "\"cellTowers\":[" + cell() + "]"),
                "{\"kind\":\"wifi\",\"request\":{\"wifiAccessPoints\":" + known + "}}");
        Path file = dir.resolve("test.jsonl");
        Files.writeString(file, lines + "\n");
        return file;
    }

    private static String item(long timestamp, double lat, String networks) {
        return "{\"timestamp\":" + timestamp + ",\"position\":{\"latitude\":" + lat + ",\"longitude\":13.405,"
                + "\"accuracy\":10,\"source\":\"gps\"}," + networks + ",\"_meta\":{\"trace\":\"t1\"}}";
    }

    private static String wifi(String mac) {
        return "{\"macAddress\":\"" + mac + "\",\"signalStrength\":-60}";
    }

    private static String cell() {
        return "{\"radioType\":\"lte\",\"mobileCountryCode\":262,\"mobileNetworkCode\":1,\"locationAreaCode\":100,"
                + "\"cellId\":5000,\"signalStrength\":-90,\"serving\":1}";
    }
}
