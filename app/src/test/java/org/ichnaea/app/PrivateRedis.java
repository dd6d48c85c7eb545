package org.ichnaea.app;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A redis-server of the test's own (never the machine's shared one on 6379), on a free loopback port with nothing
 * persisted, in a temporary directory, that the test can pause ({@code SIGSTOP}) and resume ({@code SIGCONT}).
 * Skipped where {@code /usr/bin/redis-server} is missing, failed under {@code CI=true}.
 */
final class PrivateRedis implements AutoCloseable {

    private static final Path SERVER = Path.of("/usr/bin/redis-server");

    private final Path dir;
    private final int port;
    private final Process process;

    private PrivateRedis(Path dir, int port, Process process) {
        this.dir = dir;
        this.port = port;
        this.process = process;
    }

    static PrivateRedis start() throws IOException, InterruptedException {
        if (!Files.isExecutable(SERVER)) {
            if ("true".equals(System.getenv("CI"))) {
                fail("no redis-server at " + SERVER + ": required under CI=true");
            }
            assumeTrue(false, "no redis-server at " + SERVER);
        }
        Path dir = Files.createTempDirectory("ichnaea-redis-");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process process = new ProcessBuilder(SERVER.toString(), "--port", String.valueOf(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--dir", dir.toString(), "--protected-mode", "no")
                .redirectErrorStream(true).redirectOutput(dir.resolve("server.log").toFile()).start();
        PrivateRedis redis = new PrivateRedis(dir, port, process);
        try {
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                    .until(() -> !process.isAlive() || redis.pings());
        } catch (ConditionTimeoutException e) {
            redis.close();
            throw new IOException("redis-server did not answer on " + port + " within 20 s");
        }
        if (!process.isAlive()) {
            throw new IOException("redis-server exited: " + Files.readString(dir.resolve("server.log")));
        }
        return redis;
    }

    /** Whether a PING answers within 200 ms. */
    boolean pings() {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(200);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] reply = in.readNBytes(7);
            return new String(reply, StandardCharsets.US_ASCII).equals("+PONG\r\n");
        } catch (IOException e) {
            return false;
        }
    }

    String uri() {
        return "redis://127.0.0.1:" + port + "/0";
    }

    long pid() {
        return process.pid();
    }

    /** Freezes the server: connections stay open, nothing answers (a stalled host, a long fork, a swap storm). */
    void pause() throws IOException, InterruptedException {
        signal("-STOP");
    }

    void resume() throws IOException, InterruptedException {
        signal("-CONT");
    }

    private void signal(String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", signal, String.valueOf(process.pid())).inheritIO().start();
        if (!kill.waitFor(5, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new IOException("kill " + signal + " " + process.pid() + " failed");
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (process.isAlive()) {
            try {
                resume();
            } catch (IOException ignored) {
                // it is being killed anyway
            }
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
