package org.ichnaea.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "Try it" lines, word for word, on a fresh data directory with the server running (in process), then
 * what {@code tools/evaluate-locate.py submit} does with the key: UJIIndoorLoc's training set, 19,861 items in
 * requests of 100, to {@code /v2/geosubmit}. No request may get 403: keys have no daily limit unless
 * {@code --maxreq} is given (issue 15, item 1).
 */
class QuickStartTest {

    private static final String JAR = "java -jar app/target/ichnaea.jar ";
    /** UJIIndoorLoc's training set (trainingData.csv). */
    private static final int UJI_TRAINING_ITEMS = 19_861;

    @TempDir
    Path dataDir;

    @Test
    void the_readme_quick_start_then_a_uji_sized_submission_gets_no_403() throws IOException {
        List<String> block = tryItBlock();
        Map<String, String> env = Map.of("ICHNAEA_DATA_DIR", dataDir.toString());
        try (Application app = Application.open(Settings.from(env))) {
            JavalinTest.test(app.web(Clock.systemUTC()), (server, client) -> {
                String key = null;
                CliRun last = null;
                Response answer = null;
                for (String line : block) {
                    if (line.startsWith(JAR)) {
                        String[] args = line.substring(JAR.length()).split(" ");
                        last = CliRun.run(env, args);
                        assertThat(last.exitCode()).as(line).isZero();
                        answer = null;
                        if (args[0].equals("apikey") && args[1].equals("create")) {
                            key = args[2];
                        }
                    } else if (line.startsWith("curl ")) {
                        answer = curl(client, line);
                        last = null;
                    } else if (line.startsWith("# ")) {
                        String expected = line.substring(2);
                        if (answer != null) {
                            assertThat(answer.body().string()).as("answer to the curl line").isEqualTo(expected);
                        } else {
                            assertThat(last).as("a command before " + line).isNotNull();
                            assertThat(last.out().strip()).isEqualTo(expected);
                        }
                    }
                }
                assertThat(key).as("the README creates a key").isNotNull();

                List<String> items = new ArrayList<>();
                int requests = 0;
                for (int i = 0; i < UJI_TRAINING_ITEMS; i++) {
                    items.add(item(i));
                    if (items.size() == 100 || i == UJI_TRAINING_ITEMS - 1) {
                        Response r = client.post("/v2/geosubmit?key=" + key,
                                "{\"items\":[" + String.join(",", items) + "]}");
                        assertThat(r.code()).as("request %d", requests + 1).isEqualTo(200);
                        items.clear();
                        requests++;
                    }
                }
                assertThat(requests).isEqualTo(199);
                for (int i = 0; i < 150; i++) {
                    assertThat(client.post("/v1/geolocate?key=" + key, "{}").code()).as("locate %d", i + 1)
                            .isNotEqualTo(403);
                }

                // The same with a key limited as Ichnaea's CLI made them: the 101st submission of the day is refused.
                assertThat(CliRun.run(env, "apikey", "create", "limited", "--maxreq", "100").out().strip())
                        .isEqualTo("created limited: at most 100 requests a day per API (then 403 "
                                + "dailyLimitExceeded), locate and region allowed, no fallback");
                for (int i = 0; i < 100; i++) {
                    assertThat(client.post("/v2/geosubmit?key=limited", "{\"items\":[" + item(i) + "]}").code())
                            .isEqualTo(200);
                }
                assertThat(client.post("/v2/geosubmit?key=limited", "{\"items\":[" + item(100) + "]}").code())
                        .isEqualTo(403);
            });
            assertThat(app.incoming.size()).isEqualTo(UJI_TRAINING_ITEMS + 100L);
        }
    }

    /** The fenced block after "Try it:". */
    private static List<String> tryItBlock() throws IOException {
        List<String> readme = Files.readAllLines(Path.of("../README.md"));
        int start = readme.indexOf("Try it:");
        assertThat(start).as("a \"Try it:\" paragraph").isNotNegative();
        int open = readme.subList(start, readme.size()).indexOf("```") + start;
        int close = readme.subList(open + 1, readme.size()).indexOf("```") + open + 1;
        List<String> block = readme.subList(open + 1, close);
        assertThat(block).anyMatch(l -> l.startsWith(JAR + "apikey create ")).anyMatch(l -> l.startsWith("curl "));
        return block;
    }

    /** Runs a README curl line ({@code curl -s -XPOST 'URL' -H 'Name: value' -d 'BODY'}) against the server. */
    private static Response curl(io.javalin.testtools.HttpClient client, String line) {
        List<String> words = shellWords(line);
        String url = null;
        String body = "";
        List<String[]> headers = new ArrayList<>();
        for (int i = 1; i < words.size(); i++) {
            String word = words.get(i);
            if (word.equals("-H")) {
                String[] header = words.get(++i).split(":\\s*", 2);
                headers.add(header);
            } else if (word.equals("-d")) {
                body = words.get(++i);
            } else if (word.startsWith("localhost:")) {
                url = word.substring(word.indexOf('/'));
            } else {
                assertThat(word).as("a curl option the test knows").isIn("-s", "-XPOST");
            }
        }
        assertThat(url).as("the URL of " + line).isNotNull();
        String data = body;
        return client.request(url, b -> {
            b.post(HttpRequest.BodyPublishers.ofString(data));
            for (String[] header : headers) {
                b.header(header[0], header[1]);
            }
        });
    }

    /** Words split at spaces, single quotes grouping. */
    private static List<String> shellWords(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (char c : line.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
                any = true;
            } else if (c == ' ' && !quoted) {
                if (any) {
                    words.add(word.toString());
                }
                word.setLength(0);
                any = false;
            } else {
                word.append(c);
                any = true;
            }
        }
        if (any) {
            words.add(word.toString());
        }
        return words;
    }

    /** An item like UJIIndoorLoc's: a position on the Jaume I campus and a few Wi-Fi networks. */
    private static String item(int i) {
        double lat = 39.9925 + (i % 100) * 0.00001;
        double lon = -0.0675 + (i / 100 % 100) * 0.00001;
        StringBuilder wifi = new StringBuilder();
        for (int k = 0; k < 4; k++) {
            wifi.append(k == 0 ? "" : ",").append(String.format(java.util.Locale.ROOT,
                    "{\"macAddress\":\"00:1b:2c:00:%02x:%02x\",\"signalStrength\":%d}", (i + k) % 256, k, -50 - 10 * k));
        }
        return String.format(java.util.Locale.ROOT, "{\"timestamp\":%d,\"position\":{\"latitude\":%.6f,"
                + "\"longitude\":%.6f,\"accuracy\":5},\"wifiAccessPoints\":[%s]}", 1_371_700_000_000L + i * 1000L, lat,
                lon, wifi);
    }
}
