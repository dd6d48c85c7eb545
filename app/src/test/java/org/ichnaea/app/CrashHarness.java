package org.ichnaea.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.core.ConditionTimeoutException;
import org.ichnaea.core.radio.MacAddress;
import org.ichnaea.core.station.MacStation;

/**
 * Breaks the service at random points and checks that nothing it acknowledged is lost or counted twice
 * (docs/reliability.md). Each round starts {@code serve} in a child JVM (the pipeline job every second), streams
 * submissions at it from one thread and {@code kill -9}s it after a random delay; then starts {@code process} on
 * the backlog and {@code kill -9}s that too. After the rounds one {@code process} runs to its end, and every report
 * must be in the stations exactly as often as it was acknowledged: each report carries two Wi-Fi networks of its
 * own, so an acknowledged report's networks have exactly one sample each, an unanswered one's zero or one, and no
 * network has two. Loopback only; bounded by the number of rounds and the per-round limits.
 */
final class CrashHarness {

    private static final int REPORTS_PER_REQUEST = 10;
    private static final int MAX_REQUESTS_PER_ROUND = 300;
    /** Between requests, so that the kill falls among submissions rather than after the last. */
    private static final long PAUSE_MILLIS = 4;

    private final Path dir;
    private final Map<String, String> env;
    private final Random random;
    private final long macPrefix;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** Report number to whether it was acknowledged (true) or sent without an answer (false). */
    private final Map<Integer, Boolean> sent = new ConcurrentHashMap<>();
    private final AtomicInteger next = new AtomicInteger();
    private final List<String> events = new ArrayList<>();

    CrashHarness(Path dir, Map<String, String> env, long seed) {
        this.dir = dir;
        this.env = new HashMap<>(env);
        this.random = new Random(seed);
        // Unicast, globally administered MACs, different in every run (the services' database is shared).
        this.macPrefix = 0x3C0000000000L | ((long) (seed & 0xFFFFF) << 20);
        this.env.put("ICHNAEA_JOB_INTERVALS", "update_incoming=1,export_reports=0,update_statcounter=0,"
                + "update_statregion=0,update_tiles=0,cell_export_diff=0,"
                + "monitor_queue_size_and_rate_control=0,monitor_api_key_limits=0,"
                + "monitor_api_users=0");
    }

    private MacAddress mac(int report, int k) {
        return new MacAddress(macPrefix + (long) report * 2 + k);
    }

    private Process start(String name, String... args) throws IOException {
        return start(name, Map.of(), args);
    }

    private Process start(String name, Map<String, String> extraEnv, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-Dlogback.configurationFile=logback-crash.xml", "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(env);
        builder.environment().putAll(extraEnv);
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve(name + ".log")
                .toFile()));
        Process child = builder.start();
        // Should the test JVM itself be stopped, no child outlives it.
        Runtime.getRuntime().addShutdownHook(new Thread(child::destroyForcibly));
        return child;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** One round: serve killed during submissions and pipeline runs, then process killed while draining. */
    void round(int n) throws Exception {
        int port = freePort();
        Path log = dir.resolve("serve.log");
        long before = Files.exists(log) ? Files.size(log) : 0;
        // Odd rounds: serve runs the pipeline every second too, so the kill may fall in a pipeline run; even
        // rounds: submissions only, leaving the whole backlog to the process below.
        Map<String, String> jobs = n % 2 == 1 ? Map.of() : Map.of("ICHNAEA_JOB_INTERVALS",
                env.get("ICHNAEA_JOB_INTERVALS").replace("update_incoming=1", "update_incoming=0"));
        Process serve = start("serve", jobs, "serve", "--host", "127.0.0.1", "--port", Integer.toString(port));
        awaitListening(serve, log, before);
        AtomicBoolean stop = new AtomicBoolean();
        Thread submitter = new Thread(() -> submitUntil(port, stop), "crash-submitter");
        submitter.start();
        long killAfter = 300 + random.nextInt(2700);
        Thread.sleep(killAfter);
        serve.destroyForcibly().waitFor();
        stop.set(true);
        submitter.join(10_000);
        events.add("round " + n + ": serve killed after " + killAfter + " ms");

        Path processLog = dir.resolve("process.log");
        long from = Files.exists(processLog) ? Files.size(processLog) : 0;
        Process process = start("process", "process");
        // Kill it while it applies batches: after its first progress line, at a random moment of the drain.
        boolean working = awaitLine(process, processLog, from, "reports exported so far");
        long processKill = random.nextInt(800);
        if (!working || process.waitFor(processKill, java.util.concurrent.TimeUnit.MILLISECONDS)) {
            process.waitFor();
            assertThat(process.exitValue()).as("process ended by itself in round " + n + ": "
                    + tail(processLog)).isZero();
            events.add("round " + n + ": process finished");
        } else {
            process.destroyForcibly().waitFor();
            killedWhileWorking++;
            events.add("round " + n + ": process killed " + processKill + " ms into its drain");
        }
    }

    private int killedWhileWorking;

    /** Waits until the child writes {@code text} after {@code from} in its log (true) or ends (false). */
    private static boolean awaitLine(Process process, Path log, long from, String text) throws Exception {
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                    .until(() -> logHas(log, from, text) || !process.isAlive());
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("no '" + text + "' within 60 s: " + tail(log));
        }
        return logHas(log, from, text);
    }

    /** Whether {@code log} has {@code text} after its first {@code from} characters. */
    private static boolean logHas(Path log, long from, String text) throws IOException {
        if (!Files.exists(log)) {
            return false;
        }
        String all = Files.readString(log);
        return all.length() > from && all.substring((int) from).contains(text);
    }

    /** Small internal batches, so that a drain is many transactions and a kill falls among them. */
    void prepare(Application app, int batch) {
        app.exportConfigs.findAll().stream()
                .filter(c -> c.schema() == org.ichnaea.core.export.ExportSchema.INTERNAL)
                .forEach(c -> app.exportConfigs.delete(c.name()));
        app.exportConfigs.save(new org.ichnaea.core.export.ExportConfig("internal", batch,
                org.ichnaea.core.export.ExportSchema.INTERNAL, null, null, null));
    }

    /** The final drain; it must open the database and end well. */
    void finish() throws Exception {
        Path log = dir.resolve("process.log");
        Process process = start("process", "process");
        if (!process.waitFor(180, java.util.concurrent.TimeUnit.SECONDS)) {
            dump(process);
            process.destroyForcibly();
            throw new AssertionError("the final process did not end within 180 s: " + tail(log));
        }
        assertThat(process.exitValue()).as("final process: " + tail(log)).isZero();
    }

    /** Checks every report's networks: acknowledged ones learned once, the others at most once. */
    void verify(Application app) {
        List<MacAddress> macs = new ArrayList<>();
        for (int r : sent.keySet()) {
            macs.add(mac(r, 0));
            macs.add(mac(r, 1));
        }
        Map<MacAddress, Long> samples = new HashMap<>();
        for (int from = 0; from < macs.size(); from += 1000) {
            for (MacStation s : app.wifi.findAll(macs.subList(from, Math.min(macs.size(), from + 1000)))) {
                samples.put(s.mac(), s.data().samples() == null ? 0L : s.data().samples());
            }
        }
        int acked = 0;
        int unanswered = 0;
        int unansweredLearned = 0;
        List<String> lost = new ArrayList<>();
        List<String> doubled = new ArrayList<>();
        for (Map.Entry<Integer, Boolean> report : sent.entrySet()) {
            for (int k = 0; k < 2; k++) {
                long count = samples.getOrDefault(mac(report.getKey(), k), 0L);
                if (count > 1) {
                    doubled.add(report.getKey() + "/" + k + "=" + count);
                }
                if (report.getValue() && count != 1) {
                    lost.add(report.getKey() + "/" + k);
                }
            }
            if (report.getValue()) {
                acked++;
            } else {
                unanswered++;
                if (samples.getOrDefault(mac(report.getKey(), 0), 0L) > 0) {
                    unansweredLearned++;
                }
            }
        }
        System.out.printf(Locale.ROOT, "CrashHarness: %d reports acknowledged, %d unanswered (%d of them learned); "
                + "%s%n", acked, unanswered, unansweredLearned, String.join("; ", events));
        assertThat(acked).as("the rounds acknowledged reports").isGreaterThan(100);
        assertThat(killedWhileWorking).as("process killed in the middle of its drain").isGreaterThan(0);
        assertThat(lost).as("acknowledged reports lost (" + lost.size() + ")").isEmpty();
        assertThat(doubled).as("networks counted twice (" + doubled.size() + ")").isEmpty();
    }

    private void submitUntil(int port, AtomicBoolean stop) {
        for (int r = 0; r < MAX_REQUESTS_PER_ROUND && !stop.get(); r++) {
            int first = next.getAndAdd(REPORTS_PER_REQUEST);
            StringBuilder body = new StringBuilder("{\"items\":[");
            for (int i = 0; i < REPORTS_PER_REQUEST; i++) {
                int n = first + i;
                if (i > 0) {
                    body.append(',');
                }
                body.append(String.format(Locale.ROOT, "{\"timestamp\":%d,\"position\":{\"latitude\":%.6f,"
                                + "\"longitude\":%.6f,\"accuracy\":10},\"wifiAccessPoints\":[{\"macAddress\":\"%s\","
                                + "\"signalStrength\":-60},{\"macAddress\":\"%s\",\"signalStrength\":-70}]}",
                        System.currentTimeMillis(), 52.5 + (n % 1000) * 1e-4, 13.4 + (n / 1000) * 1e-4, mac(n, 0),
                        mac(n, 1)));
                sent.put(n, false);
            }
            body.append("]}");
            try {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                                + "/v2/geosubmit")).timeout(Duration.ofSeconds(5))
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200) {
                    for (int i = 0; i < REPORTS_PER_REQUEST; i++) {
                        sent.put(first + i, true);
                    }
                }
                Thread.sleep(PAUSE_MILLIS);
            } catch (IOException e) {
                return; // the server is gone: these reports were not acknowledged
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void awaitListening(Process process, Path log, long from) throws Exception {
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                    .until(() -> logHas(log, from, "Ichnaea listening") || !process.isAlive());
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("serve did not start: " + tail(log));
        }
        if (!logHas(log, from, "Ichnaea listening")) {
            throw new AssertionError("serve ended with " + process.exitValue() + ": " + tail(log));
        }
    }

    /** Prints the threads of a child that hangs (jstack of the JDK running the tests). */
    private static void dump(Process process) {
        try {
            Process jstack = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jstack").toString(),
                    Long.toString(process.pid())).redirectErrorStream(true).start();
            String threads = new String(jstack.getInputStream().readAllBytes());
            jstack.waitFor();
            System.out.println("CrashHarness: threads of the hanging child:\n" + threads);
        } catch (IOException | InterruptedException e) {
            System.out.println("CrashHarness: no thread dump: " + e);
        }
    }

    static String tail(Path log) {
        try {
            String text = Files.exists(log) ? Files.readString(log) : "no log";
            return text.length() > 3000 ? text.substring(text.length() - 3000) : text;
        } catch (IOException e) {
            return e.toString();
        }
    }

    Set<Integer> reports() {
        return sent.keySet();
    }
}
