package org.ichnaea.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.javalin.testtools.JavalinTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionTimeoutException;
import org.ichnaea.core.apikey.ApiKey;
import org.ichnaea.core.export.ExportConfig;
import org.ichnaea.core.export.ExportSchema;
import org.ichnaea.core.radio.MacAddress;
import org.ichnaea.core.station.MacStation;
import org.ichnaea.core.stats.StatKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scale-out (the pipeline issue): two {@code worker} processes against one MariaDB and Redis share the work of a
 * stream submitted through two web tiers; no observation is lost and none is counted twice. Each station's sample
 * count is the number of observations it got, so their sum over the stream's networks must equal what was sent.
 */
class TwoWorkersIT {

    private static final int REQUESTS = 200;
    private static final int ITEMS = 10;
    private static final int NETWORKS = 500;
    private static final Pattern PROCESSED = Pattern.compile("processed (\\d+) reports");

    @TempDir
    Path dir;

    private Map<String, String> servicesEnv() {
        return ServicesEnv.require(dir.resolve("web"));
    }

    private Process worker(Map<String, String> env, String name, String... options) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "-cp", System.getProperty("java.class.path"), Main.class.getName(), "worker"));
        command.addAll(List.of(options));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(env);
        builder.environment().put("ICHNAEA_DATA_DIR", dir.resolve(name).toString());
        builder.environment().put("ICHNAEA_JOB_INTERVALS", "update_incoming=1,update_statcounter=2,"
                + "update_statregion=0,update_tiles=0,cell_export_diff=0,monitor_api_key_limits=0,"
                + "monitor_api_users=0");
        builder.redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile());
        return builder.start();
    }

    @Test
    void two_workers_share_a_stream_and_lose_nothing() throws Exception {
        Map<String, String> env = servicesEnv();
        long prefix = 0xE40000000000L | ((long) ThreadLocalRandom.current().nextInt(1 << 20) << 12);
        List<MacAddress> macs = new ArrayList<>();
        for (int i = 0; i < NETWORKS; i++) {
            macs.add(new MacAddress(prefix + i));
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        long wifiBefore;
        long uniqueBefore;
        try (Application app = Application.open(Settings.from(env))) {
            app.keys.save(ApiKey.unlimited("two-workers"));
            // Small batches (restored at the end), so that 2,000 reports make 40 batches for the two workers to
            // share rather than two.
            app.exportConfigs.findAll().stream().filter(c -> c.schema() == ExportSchema.INTERNAL)
                    .forEach(c -> app.exportConfigs.delete(c.name()));
            app.exportConfigs.save(new ExportConfig("internal", 50, ExportSchema.INTERNAL, null, null, null));
            // Whatever an earlier run left waiting is counted by the workers too: start from empty queues.
            while (!app.incoming.dequeue(5000).isEmpty()) {
                // drained
            }
            for (ExportConfig config : app.exportConfigs.findAll()) {
                while (!app.queue(config.queueName()).dequeue(5000).isEmpty()) {
                    // drained
                }
            }
            app.statFlush(Clock.systemUTC()).run();
            wifiBefore = app.stats.latest(StatKey.WIFI, today).orElse(0);
            uniqueBefore = app.stats.latest(StatKey.UNIQUE_WIFI, today).orElse(0);
        }
        Process first = worker(env, "worker-1", "--metrics-port", "0");
        Process second = worker(env, "worker-2");
        awaitStarted(dir.resolve("worker-1.log"));
        awaitStarted(dir.resolve("worker-2.log"));
        int observations = 0;
        try (Application webA = Application.open(Settings.from(env));
             Application webB = Application.open(Settings.from(env))) {
            // Two web tiers take the stream, alternating requests.
            int[] sent = new int[1];
            JavalinTest.test(webA.web(Clock.systemUTC()), (serverA, clientA) ->
                    JavalinTest.test(webB.web(Clock.systemUTC()), (serverB, clientB) -> {
                        for (int r = 0; r < REQUESTS; r++) {
                            StringBuilder body = new StringBuilder("{\"items\":[");
                            for (int i = 0; i < ITEMS; i++) {
                                int n = r * ITEMS + i;
                                MacAddress a = macs.get(n % NETWORKS);
                                MacAddress b = macs.get((n * 7 + 3) % NETWORKS);
                                if (i > 0) {
                                    body.append(',');
                                }
                                body.append(String.format(java.util.Locale.ROOT,
                                        "{\"position\":{\"latitude\":%.5f,\"longitude\":2.35,\"accuracy\":10},"
                                                + "\"wifiAccessPoints\":[{\"macAddress\":\"%s\",\"signalStrength\":-60},"
                                                + "{\"macAddress\":\"%s\",\"signalStrength\":-70}]}",
                                        48.85 + (n % 50) * 0.0001, a, b));
                                sent[0] += 2;
                            }
                            body.append("]}");
                            var client = r % 2 == 0 ? clientA : clientB;
                            assertThat(client.post("/v2/geosubmit?key=two-workers", body.toString()).code())
                                    .isEqualTo(200);
                        }
                    }));
            observations = sent[0];
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        int expected = observations;
        try (Application app = Application.open(Settings.from(env))) {
            long[] samples = new long[1];
            long[] stations = new long[1];
            awaitUntil(deadline, () -> {
                samples[0] = 0;
                stations[0] = 0;
                for (MacStation s : app.wifi.findAll(macs)) {
                    stations[0]++;
                    samples[0] += s.data().samples() == null ? 0 : s.data().samples();
                }
                return samples[0] >= expected;
            });
            assertThat(stations[0]).as("every network became a station").isEqualTo(NETWORKS);
            assertThat(samples[0]).as("every observation counted once").isEqualTo(observations);
            // The workers' update_statcounter (once at a time, under the Redis lock) moves the counts to the table.
            long[] wifi = new long[1];
            long[] unique = new long[1];
            awaitUntil(deadline, () -> {
                wifi[0] = app.stats.latest(StatKey.WIFI, today).orElse(0) - wifiBefore;
                unique[0] = app.stats.latest(StatKey.UNIQUE_WIFI, today).orElse(0) - uniqueBefore;
                return wifi[0] >= expected && unique[0] >= NETWORKS;
            });
            assertThat(wifi[0]).as("observation statistic").isEqualTo(observations);
            assertThat(unique[0]).as("new-station statistic").isEqualTo(NETWORKS);
            // A worker has no web tier; --metrics-port gives its jobs' metrics a home.
            Matcher port = Pattern.compile("metrics on http://[^:]+:(\\d+)/")
                    .matcher(Files.readString(dir.resolve("worker-1.log")));
            assertThat(port.find()).as("the worker says where its metrics are").isTrue();
            java.net.http.HttpResponse<String> metrics = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port.group(1)
                            + "/__metrics__")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body()).contains("job_runs_total{job=\"update_incoming\"}")
                    .contains("pipeline_backlog");
        } finally {
            first.destroy();
            second.destroy();
            first.waitFor();
            second.waitFor();
            try (Application app = Application.open(Settings.from(env))) {
                app.exportConfigs.save(ExportConfig.defaultInternal());
            }
        }
        long firstShare = processed(dir.resolve("worker-1.log"));
        long secondShare = processed(dir.resolve("worker-2.log"));
        System.out.printf("TwoWorkersIT: worker 1 processed %d reports, worker 2 %d%n", firstShare, secondShare);
        assertThat(firstShare + secondShare).as("reports processed by the two workers")
                .isEqualTo((long) REQUESTS * ITEMS);
        assertThat(firstShare).as("worker 1 did part of the work").isPositive();
        assertThat(secondShare).as("worker 2 did part of the work").isPositive();
    }

    /** Polls {@code condition} every 500 ms until it holds or {@code deadline} (a nanoTime) passes. */
    private static void awaitUntil(long deadline, java.util.concurrent.Callable<Boolean> condition) {
        try {
            await().atMost(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())))
                    .pollInterval(Duration.ofMillis(500)).until(condition);
        } catch (ConditionTimeoutException e) {
            // The assertions after the wait say what is missing.
        }
    }

    /** Waits (at most 60 s) until a worker says its jobs run, so both take part from the first report. */
    private static void awaitStarted(Path log) throws IOException {
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .until(() -> Files.exists(log) && Files.readString(log).contains("periodic jobs"));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("worker did not start: " + (Files.exists(log) ? Files.readString(log)
                    : "no log"));
        }
    }

    private static long processed(Path log) throws IOException {
        long total = 0;
        Matcher m = PROCESSED.matcher(Files.readString(log));
        while (m.find()) {
            total += Long.parseLong(m.group(1));
        }
        return total;
    }
}
