package org.ichnaea.app.browser;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Headless Chromium (Debian's {@code chromium} package) in a fresh profile, with the DevTools protocol on a free
 * loopback port. Chromium's own background traffic is switched off and every host name but localhost resolves to
 * nothing, so a page that reaches out fails instead of leaving the machine (the test sees the attempt anyway).
 */
public final class Chromium implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    private final Process process;
    private final Path profile;
    private final Path log;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Chromium(Process process, Path profile, Path log, int port) {
        this.process = process;
        this.profile = profile;
        this.log = log;
        this.port = port;
    }

    /** {@code CHROMIUM_PATH}, else {@code /usr/bin/chromium}, if it is an executable file. */
    public static Optional<Path> find() {
        String configured = System.getenv("CHROMIUM_PATH");
        Path path = Path.of(configured != null && !configured.isBlank() ? configured : "/usr/bin/chromium");
        return Files.isRegularFile(path) && Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
    }

    /** Starts Chromium; its output goes to {@code log}. */
    public static Chromium launch(Path executable, Path log) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("ichnaea-chromium-");
        Files.createDirectories(log.toAbsolutePath().getParent());
        List<String> command = List.of(executable.toString(),
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--no-default-browser-check", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-default-apps", "--disable-extensions", "--disable-breakpad",
                "--metrics-recording-only", "--mute-audio", "--hide-scrollbars", "--no-proxy-server",
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
                "--user-data-dir=" + profile, "--remote-debugging-port=0", "about:blank");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
        Path portFile = profile.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            if (Files.isRegularFile(portFile)) {
                List<String> lines = Files.readAllLines(portFile, StandardCharsets.UTF_8);
                if (!lines.isEmpty() && !lines.get(0).isBlank()) {
                    return new Chromium(process, profile, log, Integer.parseInt(lines.get(0).trim()));
                }
            }
            if (!process.isAlive() || System.nanoTime() > deadline) {
                Chromium failed = new Chromium(process, profile, log, -1);
                String why = process.isAlive() ? "no DevToolsActivePort within " + START_TIMEOUT.toSeconds() + " s"
                        : "it exited with " + process.exitValue();
                String output = failed.logTail();
                failed.close();
                throw new IllegalStateException("Chromium did not start (" + why + "):\n" + output);
            }
            Thread.sleep(50);
        }
    }

    /** Opens a fresh page target and connects to it. */
    public Cdp newPage() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/new?about:blank"))
                .PUT(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("/json/new answered " + response.statusCode() + ": " + response.body());
        }
        JsonNode target = Cdp.JSON.readTree(response.body());
        return Cdp.connect(http, URI.create(target.path("webSocketDebuggerUrl").asText()));
    }

    /** The last lines of Chromium's output, for failure messages. */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }

    /** Stops Chromium and the processes it started, then deletes the profile. */
    @Override
    public void close() {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
            for (ProcessHandle child : children) {
                if (child.isAlive()) {
                    child.destroyForcibly();
                    child.onExit().get(5, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // A child that will not die is left to the system; the profile is still removed below.
        }
        deleteTree(profile);
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    // Best effort: a file a dying child still writes.
                }
            });
        } catch (IOException e) {
            // Already gone.
        }
    }
}
