package org.ichnaea.core.testing;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A MariaDB server of the test's own (never the machine's shared one on 3306), in a temporary data directory on a
 * free loopback port, that the test can pause ({@code SIGSTOP}), resume ({@code SIGCONT}), kill and start again.
 * Skipped where no MariaDB server binary is installed, failed under {@code CI=true}. (Shared through core's
 * test-jar by the adapter and application tests; JDBC needs the MariaDB driver on the using module's classpath.)
 */
public final class PrivateMariaDb implements AutoCloseable {

    private static final Path SERVER = Path.of("/usr/sbin/mariadbd");
    private static final Path INSTALL = Path.of("/usr/bin/mariadb-install-db");

    private final Path dataDir;
    private final int port;
    private Process process;

    private PrivateMariaDb(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
    }

    public static PrivateMariaDb start() throws IOException, InterruptedException {
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

    public void startServer() throws IOException, InterruptedException {
        process = new ProcessBuilder(SERVER.toString(), "--no-defaults", "--datadir=" + dataDir.resolve("data"),
                "--port=" + port, "--bind-address=127.0.0.1", "--socket=" + dataDir.resolve("mysqld.sock"),
                "--pid-file=" + dataDir.resolve("mysqld.pid"), "--user=root", "--skip-grant-tables",
                "--innodb-buffer-pool-size=32M", "--skip-log-bin")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(
                        dataDir.resolve("server.log").toFile())).start();
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .until(() -> !process.isAlive() || listening());
        } catch (ConditionTimeoutException e) {
            throw new IOException("mariadbd did not listen on " + port + " within 60 s");
        }
        if (!process.isAlive()) {
            throw new IOException("mariadbd exited: " + Files.readString(dataDir.resolve("server.log")));
        }
    }

    private boolean listening() {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    /** Kills the server ({@code SIGKILL}), as a crash would look to clients. */
    public void stopServer() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Freezes the server: connections stay open, nothing answers (a stalled host, a swap storm). */
    public void pause() throws IOException, InterruptedException {
        signal("-STOP");
    }

    public void resume() throws IOException, InterruptedException {
        signal("-CONT");
    }

    private void signal(String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", signal, String.valueOf(process.pid())).inheritIO().start();
        if (!kill.waitFor(5, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new IOException("kill " + signal + " " + process.pid() + " failed");
        }
    }

    /** Creates a database (the application's migration creates the tables, not the database). */
    public void createDatabase(String name) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port
                + "/?user=root&sslMode=disable"); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS " + name);
        }
    }

    /** The JDBC URL of a database on this server, as {@code DB_READWRITE_URI} takes it. */
    public String jdbcUrl(String database) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database + "?user=root&sslMode=disable";
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (process != null && process.isAlive()) {
            try {
                resume();
            } catch (IOException ignored) {
                // it is being killed anyway
            }
        }
        stopServer();
        try (Stream<Path> files = Files.walk(dataDir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** The operator URI of a database on this server ({@code mysql://root@127.0.0.1:PORT/DB}). */
    public String uri(String database) {
        return "mysql://root@127.0.0.1:" + port + "/" + database;
    }

    /** A JDBC URL to the server without a database. */
    public String rootUri() {
        return "jdbc:mariadb://127.0.0.1:" + port + "/?user=root&sslMode=disable";
    }
}
