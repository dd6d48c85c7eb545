package org.ichnaea.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.javalin.testtools.JavalinTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.awaitility.core.ConditionTimeoutException;
import org.ichnaea.core.apikey.ApiKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, item 7: a private Redis frozen with {@code SIGSTOP} while the web tier serves locate requests. Locate
 * keeps answering (the usage counter, sample rate and fallback cache are skipped for 10 s after one timeout) with a
 * p99 under 1.5 s, the heartbeat answers in under 1 s and reports Redis down, and after {@code SIGCONT} requests
 * are counted in Redis again.
 */
class RedisStallIT {

    private static final String BODY = "{\"wifiAccessPoints\":[{\"macAddress\":\"aa:bb:cc:00:00:01\"},"
            + "{\"macAddress\":\"aa:bb:cc:00:00:02\"}]}";

    @TempDir
    Path dataDir;

    @Test
    void locate_and_heartbeat_stay_fast_while_redis_is_paused_and_counting_resumes_after() throws Exception {
        StringBuilder figures = new StringBuilder();
        try (PrivateRedis redis = PrivateRedis.start()) {
            Settings settings = Settings.from(Map.of("ICHNAEA_DATA_DIR", dataDir.toString(), "REDIS_URI",
                    redis.uri()));
            try (Application app = Application.open(settings)) {
                app.keys.save(ApiKey.unlimited("stall"));
                LocalDate today = LocalDate.now(ZoneOffset.UTC);
                HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
                JavalinTest.test(app.web(Clock.systemUTC()), (server, client) -> {
                    String origin = "http://127.0.0.1:" + server.port();
                    for (int i = 0; i < 30; i++) {
                        assertThat(locate(http, origin).status()).isEqualTo(200);
                    }
                    // The web tier sends its counts to Redis once a second (WriteBehindApiKeyUsage).
                    await().atMost(Duration.ofSeconds(5)).pollDelay(Duration.ofMillis(100))
                            .pollInterval(Duration.ofMillis(100)).untilAsserted(() -> assertThat(app.usage()
                                    .counts("stall", today).getOrDefault("v1.geolocate", 0L))
                                    .as("requests are counted in Redis before the pause").isEqualTo(30));

                    redis.pause();
                    List<Long> heartbeats = new ArrayList<>();
                    List<Timed> during;
                    List<Timed> submitted = java.util.Collections.synchronizedList(new ArrayList<>());
                    try {
                        ConcurrentLinkedQueue<Timed> results = new ConcurrentLinkedQueue<>();
                        AtomicBoolean stop = new AtomicBoolean();
                        List<Thread> load = new ArrayList<>();
                        for (int t = 0; t < 4; t++) {
                            Thread thread = new Thread(() -> {
                                while (!stop.get()) {
                                    results.add(locate(http, origin));
                                    sleep(10);
                                }
                            });
                            thread.start();
                            load.add(thread);
                        }
                        // Submissions too: Redis does not confirm them, so they go to the spool and answer 200.
                        Thread submitter = new Thread(() -> {
                            while (!stop.get() && submitted.size() < 40) {
                                int n = submitted.size();
                                submitted.add(submit(http, origin, n));
                                sleep(100);
                            }
                        });
                        submitter.start();
                        load.add(submitter);
                        for (int i = 0; i < 4; i++) {
                            sleep(1500);
                            long start = System.nanoTime();
                            HttpResponse<String> hb = http.send(HttpRequest.newBuilder(URI.create(origin
                                    + "/__heartbeat__")).timeout(Duration.ofSeconds(5)).build(),
                                    HttpResponse.BodyHandlers.ofString());
                            heartbeats.add((System.nanoTime() - start) / 1_000_000);
                            assertThat(hb.statusCode()).isEqualTo(503);
                            assertThat(hb.body()).contains("\"redis\":{\"up\":false,\"time\":0}");
                        }
                        stop.set(true);
                        for (Thread thread : load) {
                            thread.join(10_000);
                        }
                        during = new ArrayList<>(results);
                    } finally {
                        redis.resume();
                    }

                    List<Long> ms = new ArrayList<>(during.stream().map(Timed::millis).toList());
                    Collections.sort(ms);
                    long p50 = ms.get(ms.size() / 2);
                    long p99 = ms.get((int) Math.ceil(ms.size() * 0.99) - 1);
                    figures.append(String.format("RedisStallIT: Redis paused: %d locate requests, p50 %d ms, "
                            + "p99 %d ms, "
                            + "max %d ms; heartbeat %s ms%n", ms.size(), p50, p99, ms.get(ms.size() - 1), heartbeats));
                    assertThat(during).as("locate answers while Redis is paused").allSatisfy(r ->
                            assertThat(r.status()).isEqualTo(200));
                    assertThat(ms.size()).isGreaterThan(100);
                    assertThat(p99).as("locate p99 while Redis is paused").isLessThan(1500);
                    assertThat(heartbeats).allSatisfy(t -> assertThat(t).isLessThan(1000));

                    long before = app.usage().counts("stall", today).getOrDefault("v1.geolocate", 0L);
                    long recovered = -1;
                    long resumedAt = System.nanoTime();
                    try {
                        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> {
                            assertThat(locate(http, origin).status()).isEqualTo(200);
                            return app.usage().counts("stall", today).getOrDefault("v1.geolocate", 0L) > before;
                        });
                        recovered = (System.nanoTime() - resumedAt) / 1_000_000;
                    } catch (ConditionTimeoutException e) {
                        // recovered stays -1: the assertion below fails
                    }
                    figures.append(String.format("RedisStallIT: counting again %d ms after SIGCONT%n", recovered));
                    assertThat(recovered).as("requests are counted again after SIGCONT").isNotNegative();
                    HttpResponse<String> hb = http.send(HttpRequest.newBuilder(URI.create(origin
                            + "/__heartbeat__")).build(), HttpResponse.BodyHandlers.ofString());
                    assertThat(hb.statusCode()).isEqualTo(200);

                    // The spooled submissions reach Redis once it answers, and each is learned exactly once.
                    figures.append(String.format("RedisStallIT: %d submissions while paused, statuses %s, slowest "
                            + "%d ms%n", submitted.size(), submitted.stream().map(Timed::status).distinct().toList(),
                            submitted.stream().mapToLong(Timed::millis).max().orElse(0)));
                    assertThat(submitted).as("submissions while Redis is paused").isNotEmpty()
                            .allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
                    await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                            .untilAsserted(() -> assertThat(spoolFiles(dataDir)).as("spool moved into Redis")
                                    .isZero());
                    PipelineJobs.processAll(PipelineJobs.parts(app, Clock.systemUTC()));
                    for (int n = 0; n < submitted.size(); n++) {
                        var stations = app.wifi.findAll(List.of(submittedMac(n, 0), submittedMac(n, 1)));
                        assertThat(stations).as("report " + n).hasSize(2)
                                .allSatisfy(st -> assertThat(st.data().samples()).isEqualTo(1L));
                    }
                });
            }
        } finally {
            // JavalinTest captures the output of its block: the figures are printed after it.
            System.out.print(figures);
        }
    }

    private record Timed(int status, long millis) {
    }

    private static org.ichnaea.core.radio.MacAddress submittedMac(int report, int k) {
        return new org.ichnaea.core.radio.MacAddress(0x3E0000000000L + report * 2L + k);
    }

    private static long spoolFiles(Path dataDir) {
        Path spool = dataDir.resolve("spool").resolve("update_incoming");
        if (!java.nio.file.Files.isDirectory(spool)) {
            return 0;
        }
        try (var listing = java.nio.file.Files.list(spool)) {
            return listing.filter(p -> p.toString().endsWith(".spool")).count();
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    private static Timed submit(HttpClient http, String origin, int n) {
        String body = String.format(java.util.Locale.ROOT, "{\"items\":[{\"timestamp\":%d,\"position\":"
                + "{\"latitude\":52.52,\"longitude\":13.40,\"accuracy\":10},\"wifiAccessPoints\":["
                + "{\"macAddress\":\"%s\",\"signalStrength\":-60},{\"macAddress\":\"%s\","
                + "\"signalStrength\":-70}]}]}", System.currentTimeMillis(), submittedMac(n, 0), submittedMac(n, 1));
        long start = System.nanoTime();
        int status;
        try {
            status = http.send(HttpRequest.newBuilder(URI.create(origin + "/v2/geosubmit?key=stall"))
                    .timeout(Duration.ofSeconds(5)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            status = -1;
        }
        return new Timed(status, (System.nanoTime() - start) / 1_000_000);
    }

    private static Timed locate(HttpClient http, String origin) {
        long start = System.nanoTime();
        int status;
        try {
            status = http.send(HttpRequest.newBuilder(URI.create(origin + "/v1/geolocate?key=stall"))
                    .timeout(Duration.ofSeconds(5)).header("X-Forwarded-For", "193.99.144.80")
                    .POST(HttpRequest.BodyPublishers.ofString(BODY)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            status = -1;
        }
        return new Timed(status, (System.nanoTime() - start) / 1_000_000);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
