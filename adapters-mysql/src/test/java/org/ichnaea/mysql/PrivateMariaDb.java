package org.ichnaea.mysql;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A MariaDB server of the test's own (not the machine's shared one), in a temporary data directory on a free
 * loopback port, that the test can stop and start again. Skipped where no MariaDB server binary is installed,
 * failed under {@code CI=true}.
 */
final class PrivateMariaDb implements AutoCloseable {

    private static final Path SERVER = Path.of("/usr/sbin/mariadbd");
    private static final Path INSTALL = Path.of("/usr/bin/mariadb-install-db");

    private final Path dataDir;
    private final int port;
    private Process process;

    private PrivateMariaDb(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
    }

    static PrivateMariaDb start() throws IOException, InterruptedException {
        if (!Files.isExecutable(SERVER) || !Files.isExecutable(INSTALL)) {
            if ("true".equals(System.getenv("CI"))) {
                fail("no MariaDB server binary at " + SERVER + ": required under CI=true");
            }
            assumeTrue(false, "no MariaDB server binary at " + SERVER);
        }
        Path dir = Files.createTempDirectory("ichnaea-mariadb-");
        Process install = new ProcessBuilder(INSTALL.toString(), "--no-defaults", "--datadir=" + dir.resolve("data"),
                "--user=root", "--skip-test-db", "--auth-root-authentication-method=normal")
                .redirectErrorStream(true).redirectOutput(dir.resolve("install.log").toFile()).start();
        if (!install.waitFor(120, TimeUnit.SECONDS) || install.exitValue() != 0) {
            throw new IOException("mariadb-install-db failed: " + Files.readString(dir.resolve("install.log")));
        }
        PrivateMariaDb db = new PrivateMariaDb(dir, freePort());
        db.startServer();
        return db;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    void startServer() throws IOException, InterruptedException {
        process = new ProcessBuilder(SERVER.toString(), "--no-defaults", "--datadir=" + dataDir.resolve("data"),
                "--port=" + port, "--bind-address=127.0.0.1", "--socket=" + dataDir.resolve("mysqld.sock"),
                "--pid-file=" + dataDir.resolve("mysqld.pid"), "--user=root", "--skip-grant-tables",
                "--innodb-buffer-pool-size=32M", "--skip-log-bin")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(
                        dataDir.resolve("server.log").toFile())).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("mariadbd exited: " + Files.readString(dataDir.resolve("server.log")));
            }
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IOException("mariadbd did not listen on " + port + " within 60 s");
    }

    /** Stops the server the hard way, as a crash or a network cut would look to clients. */
    void stopServer() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    String uri(String database) {
        return "mysql://root@127.0.0.1:" + port + "/" + database;
    }

    String rootUri() {
        return "jdbc:mariadb://127.0.0.1:" + port + "/?user=root&sslMode=disable";
    }

    @Override
    public void close() throws IOException, InterruptedException {
        stopServer();
        try (Stream<Path> files = Files.walk(dataDir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    List<String> log() throws IOException {
        return Files.readAllLines(dataDir.resolve("server.log"));
    }
}
