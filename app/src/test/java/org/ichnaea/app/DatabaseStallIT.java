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
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.core.ConditionTimeoutException;
import org.ichnaea.core.apikey.ApiKey;
import org.ichnaea.core.radio.MacAddress;
import org.ichnaea.core.station.MacStation;
import org.ichnaea.core.testing.PrivateMariaDb;
import org.ichnaea.core.testing.TestStations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, item 7, for the database: a private MariaDB frozen with {@code SIGSTOP} for about 5 s, then killed
 * ({@code SIGKILL}) and started again, while four clients send Wi-Fi locate requests for stored stations and
 * {@code /v2/geosubmit} reports with networks of their own, and the heartbeat is called. Every locate answers (200
 * or 404, never 5xx) with a p99 under 1.5 s in every phase, the heartbeat answers in under 1 s, every submission
 * answers 200 (they go to a private Redis that stays up), and once the database is back every acknowledged report
 * becomes its two stations exactly once.
 */
class DatabaseStallIT {

    private static final String KEY = "dbstall";
    /** Stored stations, in pairs that locate requests ask for: 51.51 N, 0.09 W and around. */
    private static final int PAIRS = 5;
    /** Each submitted report has two networks of its own: this prefix plus a counter (globally unique, unicast). */
    private static final long SUBMIT_PREFIX = 0xE8_50_00_00_00_00L;

    @TempDir
    Path dataDir;

    private volatile String phase = "before";

    @Test
    void locate_heartbeat_and_submissions_stay_fast_while_the_database_is_paused_and_killed() throws Exception {
        long testStart = System.nanoTime();
        StringBuilder figures = new StringBuilder();
        try (PrivateMariaDb db = PrivateMariaDb.start(); PrivateRedis redis = PrivateRedis.start()) {
            db.createDatabase("ichnaea");
            Settings settings = Settings.from(Map.of("DB_READWRITE_URI", db.jdbcUrl("ichnaea"), "REDIS_URI",
                    redis.uri(), "ICHNAEA_DATA_DIR", dataDir.toString()));
            try (Application app = Application.open(settings)) {
                app.keys.save(ApiKey.unlimited(KEY));
                List<MacStation> stored = new ArrayList<>();
                for (int i = 0; i < PAIRS * 2; i++) {
                    stored.add(TestStations.wifi(String.format("e6:00:00:00:00:%02x", i + 1))
                            .at(51.51 + (i / 2) * 0.01, -0.09 + (i % 2) * 0.0002).samples(5L)
                            .created(Instant.now().minus(Duration.ofDays(30))).modified(Instant.now())
                            .lastSeen(LocalDate.now(ZoneOffset.UTC)).build());
                }
                app.wifi.saveAll(stored);

                HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
                ConcurrentLinkedQueue<Timed> locates = new ConcurrentLinkedQueue<>();
                ConcurrentLinkedQueue<Submission> submissions = new ConcurrentLinkedQueue<>();
                Map<String, List<Timed>> heartbeats = new LinkedHashMap<>();
                Map<String, Long> phaseMillis = new LinkedHashMap<>();
                long[] recovered = {-1, -1};
                JavalinTest.test(app.web(Clock.systemUTC()), (server, client) -> {
                    String origin = "http://127.0.0.1:" + server.port();
                    // Warm up: the key is cached, the pool has connections, the stations answer.
                    for (int i = 0; i < 20; i++) {
                        assertThat(locate(http, origin, i % PAIRS).status()).isEqualTo(200);
                    }
                    assertThat(locateLat(http, origin, 0)).as("answered from the stored stations")
                            .isCloseTo(51.51, org.assertj.core.api.Assertions.within(0.001));

                    AtomicBoolean stop = new AtomicBoolean();
                    AtomicLong nextMac = new AtomicLong();
                    List<Thread> load = new ArrayList<>();
                    for (int t = 0; t < 4; t++) {
                        Thread thread = new Thread(() -> {
                            int n = 0;
                            while (!stop.get()) {
                                String current = phase;
                                Timed timed = locate(http, origin, ThreadLocalRandom.current().nextInt(PAIRS));
                                locates.add(new Timed(current, timed.status(), timed.millis()));
                                if (++n % 3 == 0) {
                                    submissions.add(submit(http, origin, phase, nextMac.getAndAdd(2)));
                                }
                                sleep(10);
                            }
                        }, "load-" + t);
                        thread.start();
                        load.add(thread);
                    }
                    try {
                        long mark = System.nanoTime();
                        sleep(2000);
                        phaseMillis.put("before", elapsed(mark));

                        // 1. Frozen for about 5 s: connections stay open, nothing answers.
                        db.pause();
                        phase = "paused";
                        mark = System.nanoTime();
                        try {
                            heartbeats.put("paused", heartbeats(http, origin, 4, 1000));
                            sleep(5000 - elapsed(mark));
                        } finally {
                            db.resume();
                        }
                        phaseMillis.put("paused", elapsed(mark));
                        phase = "resumed";
                        mark = System.nanoTime();
                        recovered[0] = awaitStations(http, origin, 15_000);
                        sleep(1000);
                        phaseMillis.put("resumed", elapsed(mark));

                        // 2. Killed: connections reset, new ones refused, until it is started again.
                        db.stopServer();
                        phase = "killed";
                        mark = System.nanoTime();
                        heartbeats.put("killed", heartbeats(http, origin, 3, 1000));
                        sleep(4000 - elapsed(mark));
                        phaseMillis.put("killed", elapsed(mark));
                        phase = "restarting";
                        mark = System.nanoTime();
                        db.startServer();
                        phaseMillis.put("restarting", elapsed(mark));
                        phase = "restarted";
                        mark = System.nanoTime();
                        recovered[1] = awaitStations(http, origin, 20_000);
                        sleep(1000);
                        phaseMillis.put("restarted", elapsed(mark));
                    } finally {
                        stop.set(true);
                        for (Thread thread : load) {
                            thread.join(15_000);
                        }
                    }
                    HttpResponse<String> hb = http.send(HttpRequest.newBuilder(URI.create(origin
                            + "/__heartbeat__")).timeout(Duration.ofSeconds(5)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertThat(hb.statusCode()).as("heartbeat after recovery: " + hb.body()).isEqualTo(200);
                });

                // Figures first, so that a failing assertion still shows them.
                Map<String, List<Timed>> byPhase = new LinkedHashMap<>();
                for (String p : phaseMillis.keySet()) {
                    byPhase.put(p, new ArrayList<>());
                }
                locates.forEach(t -> byPhase.computeIfAbsent(t.phase(), p -> new ArrayList<>()).add(t));
                Map<String, long[]> stats = new LinkedHashMap<>();
                byPhase.forEach((p, list) -> {
                    long[] s = percentiles(list);
                    stats.put(p, s);
                    Map<Integer, Integer> statuses = new TreeMap<>();
                    list.forEach(t -> statuses.merge(t.status(), 1, Integer::sum));
                    long subs = submissions.stream().filter(s2 -> s2.phase().equals(p)).count();
                    Map<Integer, Integer> subStatuses = new TreeMap<>();
                    submissions.stream().filter(s2 -> s2.phase().equals(p))
                            .forEach(s2 -> subStatuses.merge(s2.status(), 1, Integer::sum));
                    figures.append(String.format(Locale.ROOT, "DatabaseStallIT: %-10s %5d ms: %5d locate %s, "
                                    + "p50 %d ms, p99 %d ms, max %d ms; %d submissions %s%n", p,
                            phaseMillis.getOrDefault(p, -1L), list.size(), statuses, s[0], s[1], s[2], subs,
                            subStatuses));
                });
                heartbeats.forEach((p, list) -> figures.append(String.format(Locale.ROOT,
                        "DatabaseStallIT: heartbeat while %s: %s%n", p, list.stream()
                                .map(t -> t.millis() + " ms (" + t.status() + ")").toList())));
                figures.append(String.format(Locale.ROOT, "DatabaseStallIT: answered from stations again %d ms "
                        + "after SIGCONT, %d ms after the restart%n", recovered[0], recovered[1]));

                // Every acknowledged report becomes its two stations, once.
                long drainStart = System.nanoTime();
                PipelineJobs.processAll(PipelineJobs.parts(app, Clock.systemUTC()));
                List<MacAddress> acknowledged = new ArrayList<>();
                List<MacAddress> refused = new ArrayList<>();
                for (Submission s : submissions) {
                    (s.status() == 200 ? acknowledged : refused).addAll(List.of(mac(s.first()),
                            mac(s.first() + 1)));
                }
                Map<MacAddress, MacStation> learned = new HashMap<>();
                for (int i = 0; i < acknowledged.size(); i += 500) {
                    app.wifi.findAll(acknowledged.subList(i, Math.min(acknowledged.size(), i + 500)))
                            .forEach(s -> learned.put(s.mac(), s));
                }
                List<MacStation> refusedButStored = refused.isEmpty() ? List.of() : app.wifi.findAll(refused);
                figures.append(String.format(Locale.ROOT, "DatabaseStallIT: %d reports acknowledged, %d refused; "
                                + "%d of %d networks learned (drained in %d ms); whole test %d s%n",
                        acknowledged.size() / 2, refused.size() / 2, learned.size(), acknowledged.size(),
                        elapsed(drainStart), elapsed(testStart) / 1000));

                stats.forEach((p, s) -> {
                    if (phaseMillis.getOrDefault(p, 0L) >= 1000) {
                        assertThat(byPhase.get(p)).as("locate requests while " + p).hasSizeGreaterThan(50);
                    }
                    assertThat(s[1]).as("locate p99 while " + p + " (ms)").isLessThan(1500);
                });
                assertThat(locates).as("every locate answers 200 or 404").allSatisfy(t ->
                        assertThat(t.status()).as(t.phase()).isIn(200, 404));
                assertThat(heartbeats.values().stream().flatMap(List::stream)).allSatisfy(t -> {
                    assertThat(t.millis()).as("heartbeat while " + t.phase()).isLessThan(1000);
                    assertThat(t.status()).as("heartbeat while " + t.phase()).isIn(200, 503);
                });
                assertThat(heartbeats.get("killed")).as("the heartbeat reports the dead database")
                        .allSatisfy(t -> assertThat(t.status()).isEqualTo(503));
                assertThat(submissions).as("every submission answers 200").allSatisfy(s ->
                        assertThat(s.status()).as(s.phase()).isEqualTo(200));
                assertThat(refusedButStored).as("no refused report was stored").isEmpty();
                assertThat(learned.keySet()).as("every acknowledged report's networks are stations")
                        .containsExactlyInAnyOrderElementsOf(acknowledged);
                assertThat(learned.values()).as("each learned exactly once").allSatisfy(s ->
                        assertThat(s.data().samples()).as(s.mac().toString()).isEqualTo(1L));
                assertThat(recovered[0]).as("answered from stations again after SIGCONT").isNotNegative();
                assertThat(recovered[1]).as("answered from stations again after the restart").isNotNegative();
            }
        } finally {
            // JavalinTest captures the output of its block: the figures are printed after it.
            System.out.print(figures);
        }
    }

    private record Timed(String phase, int status, long millis) {
    }

    private record Submission(String phase, long first, int status) {
    }

    private static long elapsed(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }

    /** p50, p99 and max in milliseconds. */
    private static long[] percentiles(List<Timed> list) {
        if (list.isEmpty()) {
            return new long[] {-1, -1, -1};
        }
        List<Long> ms = new ArrayList<>(list.stream().map(Timed::millis).toList());
        Collections.sort(ms);
        return new long[] {ms.get(ms.size() / 2), ms.get((int) Math.ceil(ms.size() * 0.99) - 1),
                ms.get(ms.size() - 1)};
    }

    private static MacAddress mac(long n) {
        return new MacAddress(SUBMIT_PREFIX + n);
    }

    private static String macText(long n) {
        String hex = String.format("%012x", SUBMIT_PREFIX + n);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 12; i += 2) {
            out.append(i == 0 ? "" : ":").append(hex, i, i + 2);
        }
        return out.toString();
    }

    private static String locateBody(int pair) {
        return String.format("{\"wifiAccessPoints\":[{\"macAddress\":\"e6:00:00:00:00:%02x\",\"signalStrength\":-60},"
                + "{\"macAddress\":\"e6:00:00:00:00:%02x\",\"signalStrength\":-65}]}", pair * 2 + 1, pair * 2 + 2);
    }

    /** A Wi-Fi locate for one stored pair; the forwarded address gives a GeoIP answer when the stations cannot. */
    private Timed locate(HttpClient http, String origin, int pair) {
        long start = System.nanoTime();
        int status;
        try {
            status = http.send(HttpRequest.newBuilder(URI.create(origin + "/v1/geolocate?key=" + KEY))
                    .timeout(Duration.ofSeconds(5)).header("X-Forwarded-For", "193.99.144.80")
                    .POST(HttpRequest.BodyPublishers.ofString(locateBody(pair))).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            status = -1;
        }
        return new Timed(phase, status, elapsed(start));
    }

    /** The latitude answered for a pair, NaN when the request fails. */
    private static double locateLat(HttpClient http, String origin, int pair) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(origin + "/v1/geolocate?key=" + KEY))
                    .timeout(Duration.ofSeconds(5)).header("X-Forwarded-For", "193.99.144.80")
                    .POST(HttpRequest.BodyPublishers.ofString(locateBody(pair))).build(),
                    HttpResponse.BodyHandlers.ofString());
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"lat\":([-0-9.]+)").matcher(r.body());
            return r.statusCode() == 200 && m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
        } catch (Exception e) {
            return Double.NaN;
        }
    }

    /** Milliseconds until locate answers from the stations again (not GeoIP), or -1 after {@code limit}. */
    private static long awaitStations(HttpClient http, String origin, long limitMillis) {
        long start = System.nanoTime();
        try {
            await().atMost(Duration.ofMillis(limitMillis)).pollInterval(Duration.ofMillis(100))
                    .until(() -> Math.abs(locateLat(http, origin, 0) - 51.51) < 0.001);
            return elapsed(start);
        } catch (ConditionTimeoutException e) {
            return -1;
        }
    }

    private static Submission submit(HttpClient http, String origin, String phase, long first) {
        double lat = 51.4 + (first % 1000) * 0.0001;
        String body = String.format(Locale.ROOT, "{\"items\":[{\"position\":{\"latitude\":%.4f,\"longitude\":-0.1,"
                + "\"accuracy\":5},\"wifiAccessPoints\":[{\"macAddress\":\"%s\",\"signalStrength\":-60},"
                + "{\"macAddress\":\"%s\",\"signalStrength\":-70}]}]}", lat, macText(first), macText(first + 1));
        int status;
        try {
            status = http.send(HttpRequest.newBuilder(URI.create(origin + "/v2/geosubmit?key=" + KEY))
                    .timeout(Duration.ofSeconds(5)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            status = -1;
        }
        return new Submission(phase, first, status);
    }

    /** {@code count} heartbeats, one every {@code everyMillis} from now, each timed. */
    private List<Timed> heartbeats(HttpClient http, String origin, int count, long everyMillis) {
        List<Timed> out = new ArrayList<>();
        long from = System.nanoTime();
        for (int i = 0; i < count; i++) {
            sleep((i + 1) * everyMillis - elapsed(from));
            long start = System.nanoTime();
            int status;
            try {
                status = http.send(HttpRequest.newBuilder(URI.create(origin + "/__heartbeat__"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (Exception e) {
                status = -1;
            }
            out.add(new Timed(phase, status, elapsed(start)));
        }
        return out;
    }

    private static void sleep(long ms) {
        if (ms <= 0) {
            return;
        }
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
