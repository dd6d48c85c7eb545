package org.ichnaea.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;
import org.ichnaea.core.StoreUnavailableException;
import org.ichnaea.core.station.MacStation;
import org.ichnaea.core.testing.TestStations;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MariaDB driver's multi-host URLs (docs/configuration.md, "Database high availability").
 *
 * <p>First, with {@code jdbc:mariadb:sequential://DEAD,LIVE/DB} the pools connect to the first host that answers, so
 * a primary that is down is skipped without a change of configuration. Uses {@code TEST_DB_URL} (in any form it may
 * take) as the live host and a closed loopback port as the dead one; like every MariaDB test, skipped when it is
 * unset and failed under {@code CI=true} ({@link TestDatabases#mariadb}).
 *
 * <p>Second, a real failover: the test starts two MariaDB servers of its own on loopback (never the machine's shared
 * one on 3306), a primary with a binary log and a GTID replica of it, migrates the schema through the sequential
 * URL, writes stations, kills the primary ({@code SIGKILL}, a crash), promotes the replica and checks that the same
 * {@link Database} (the same pool, no restart) writes again and still has the rows written before. Skipped where no
 * MariaDB server binaries are installed, failed under {@code CI=true}.
 */
class MariadbFailoverUrlIT {

    private static final Path SERVER = Path.of("/usr/sbin/mariadbd");
    private static final Path INSTALL = Path.of("/usr/bin/mariadb-install-db");
    /** The bound of every wait of the failover test: a server start, replication catching up, writes resuming. */
    private static final Duration BOUND = Duration.ofSeconds(30);

    @TempDir
    Path tmp;
    private final List<Process> servers = new ArrayList<>();

    @AfterEach
    void stopServers() throws InterruptedException {
        for (Process server : servers) {
            server.destroyForcibly();
            server.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void a_sequential_url_skips_a_host_that_is_down_for_reads_and_writes() throws IOException {
        TestDatabases.mariadb(); // migrated and emptied; skips or fails when TEST_DB_URL is unset
        DatabaseUrls.Target live = DatabaseUrls.parse(System.getenv("TEST_DB_URL"));
        String failover = live.jdbcUrl().replace("jdbc:mariadb://",
                "jdbc:mariadb:sequential://127.0.0.1:" + closedPort() + ",");
        try (Database db = Database.open(new MysqlSettings(failover, live.user(), live.password(), 2,
                MysqlSettings.WORKER_CONNECTION_TIMEOUT, false, "failover-test"))) {
            MysqlWifiStationStore wifi = new MysqlWifiStationStore(db, db);
            wifi.saveAll(java.util.List.of(org.ichnaea.core.testing.TestStations.wifi("a2:00:00:00:00:01")
                    .at(52.5, 13.4).build()));
            assertThat(wifi.count()).isEqualTo(1);
            assertThat(db.schemaVersion()).isEqualTo("5");
        }
    }

    @Test
    void writes_resume_on_the_same_pool_when_the_primary_dies_and_its_replica_is_promoted() throws Exception {
        requireMariadbServer();
        Path primaryDir = tmp.resolve("primary");
        Path replicaDir = tmp.resolve("replica");
        install(primaryDir);
        copyTree(primaryDir.resolve("data"), replicaDir.resolve("data")); // one install (2 s) serves both
        int primaryPort = closedPort();
        int replicaPort = closedPort();
        Process primary = startServer(primaryDir, primaryPort, 1);
        startServer(replicaDir, replicaPort, 2);

        admin(primaryPort, "CREATE USER 'repl'@'127.0.0.1' IDENTIFIED BY 'repl'",
                "GRANT REPLICATION SLAVE ON *.* TO 'repl'@'127.0.0.1'",
                "CREATE DATABASE ichnaea CHARACTER SET utf8mb4",
                // the users and grants of docs/configuration.md; they reach the replica through replication. The
                // service's user has no global privilege, so read_only binds it (root's READ ONLY ADMIN would not).
                "CREATE USER 'ichnaea_admin'@'127.0.0.1' IDENTIFIED BY 'admin'",
                "GRANT ALL PRIVILEGES ON ichnaea.* TO 'ichnaea_admin'@'127.0.0.1'",
                "CREATE USER 'ichnaea'@'127.0.0.1' IDENTIFIED BY 'service'",
                "GRANT SELECT, INSERT, UPDATE, DELETE ON ichnaea.* TO 'ichnaea'@'127.0.0.1'");
        admin(replicaPort, "SET GLOBAL read_only = 1",
                "CHANGE MASTER TO MASTER_HOST = '127.0.0.1', MASTER_PORT = " + primaryPort
                        + ", MASTER_USER = 'repl', MASTER_PASSWORD = 'repl', MASTER_USE_GTID = slave_pos, "
                        + "MASTER_CONNECT_RETRY = 1",
                "START SLAVE");

        // DB_READWRITE_URI as an operator writes it: the primary first, the replica that may be promoted second.
        String hosts = "jdbc:mariadb:sequential://127.0.0.1:" + primaryPort + ",127.0.0.1:" + replicaPort
                + "/ichnaea?sslMode=disable&";
        try (Database admin = Database.open(MysqlSettings.fromUri(hosts + "user=ichnaea_admin&password=admin",
                false, 2))) {
            admin.migrate(); // `migrate`, on the primary; the replica gets the schema through replication
        }
        try (Database db = Database.open(MysqlSettings.fromUri(hosts + "user=ichnaea&password=service", false, 4))) {
            MysqlWifiStationStore wifi = new MysqlWifiStationStore(db, db);
            List<MacStation> before = stations(0, 40);
            wifi.saveAll(before);
            assertThat(serverId(db)).isEqualTo(1);
            awaitReplicaCaughtUp(primaryPort, replicaPort);
            try (Database replicaOnly = Database.open(MysqlSettings.fromUri(
                    "jdbc:mariadb://127.0.0.1:" + replicaPort + "/ichnaea?user=root&sslMode=disable", true, 1))) {
                assertThat(new MysqlWifiStationStore(replicaOnly, replicaOnly).count()).isEqualTo(before.size());
                assertThat(replicaOnly.schemaVersion()).isEqualTo(db.schemaVersion());
            }

            primary.destroyForcibly(); // a crash: no shutdown, the connections of the pool die with it
            assertThat(primary.waitFor(30, TimeUnit.SECONDS)).isTrue();
            long killed = System.nanoTime();

            // Not promoted yet: the pool reaches the replica, which refuses writes (read_only); none is lost silently.
            List<MacStation> after = stations(40, 10);
            assertThatThrownBy(() -> wifi.saveAll(after)).isInstanceOf(StoreUnavailableException.class)
                    .hasStackTraceContaining("read-only");

            admin(replicaPort, "STOP SLAVE", "RESET SLAVE ALL", "SET GLOBAL read_only = 0");
            long promoted = System.nanoTime();
            try {
                await().atMost(BOUND).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100))
                        .ignoreException(StoreUnavailableException.class)
                        .until(() -> {
                            wifi.saveAll(after);
                            return true;
                        });
            } catch (ConditionTimeoutException e) {
                fail("writes did not resume within " + BOUND + " of the promotion");
            }
            long resumed = System.nanoTime();
            System.out.printf("MariadbFailoverUrlIT: writes resumed %d ms after the primary was killed, %d ms after "
                            + "the replica was promoted%n", (resumed - killed) / 1_000_000,
                    (resumed - promoted) / 1_000_000);

            assertThat(serverId(db)).isEqualTo(2);
            assertThat(wifi.count()).isEqualTo(before.size() + after.size());
            assertThat(wifi.findAll(before.stream().map(MacStation::mac).toList()))
                    .extracting(MacStation::mac).containsExactlyInAnyOrderElementsOf(
                            before.stream().map(MacStation::mac).toList());
            assertThat(db.schemaVersion()).isEqualTo("5");
        }
    }

    /** Skips without the MariaDB server binaries, or fails under {@code CI=true}. */
    private static void requireMariadbServer() {
        if (!Files.isExecutable(SERVER) || !Files.isExecutable(INSTALL)) {
            String why = "no MariaDB server binaries at " + SERVER + " and " + INSTALL;
            if ("true".equals(System.getenv("CI"))) {
                fail(why + ": the failover test must run under CI=true");
            }
            assumeTrue(false, why + ": skipping the failover test");
        }
    }

    private static List<MacStation> stations(int first, int count) {
        return IntStream.range(first, first + count)
                .mapToObj(i -> TestStations.wifi(String.format("a2:00:00:00:%02x:%02x", i / 16, i % 16))
                        .at(52.5 + i * 0.001, 13.4).build())
                .toList();
    }

    private static int serverId(Database db) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT @@server_id").mapTo(Integer.class).one());
    }

    /** A data directory with the system tables; root has no password (and no unix-socket-only login). */
    private static void install(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path log = dir.resolve("install.log");
        Process install = new ProcessBuilder(INSTALL.toString(), "--no-defaults", "--datadir=" + dir.resolve("data"),
                "--user=root", "--skip-test-db", "--auth-root-authentication-method=normal")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!install.waitFor(60, TimeUnit.SECONDS)) {
            install.destroyForcibly();
            throw new IOException("mariadb-install-db did not finish within 60 s");
        }
        if (install.exitValue() != 0) {
            throw new IOException("mariadb-install-db failed: " + Files.readString(log));
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Files.copy(p, to.resolve(from.relativize(p).toString()));
            }
        }
    }

    /**
     * Starts a server on {@code dir/data}, listening on loopback only, with small buffers so it starts in well
     * under a second. Both have a binary log so that either can be the primary.
     */
    private Process startServer(Path dir, int port, int serverId) throws IOException {
        Path log = dir.resolve("server.log");
        Process process = new ProcessBuilder(SERVER.toString(), "--no-defaults", "--datadir=" + dir.resolve("data"),
                "--port=" + port, "--bind-address=127.0.0.1", "--skip-name-resolve",
                "--socket=" + dir.resolve("mysqld.sock"), "--pid-file=" + dir.resolve("mysqld.pid"), "--user=root",
                "--server-id=" + serverId, "--log-bin=" + dir.resolve("data").resolve("binlog"),
                "--log-basename=node" + serverId, "--innodb-buffer-pool-size=16M", "--innodb-log-file-size=4M")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        servers.add(process);
        try {
            await().atMost(BOUND).pollInterval(Duration.ofMillis(100))
                    .until(() -> !process.isAlive() || answers(port));
        } catch (ConditionTimeoutException e) {
            throw new IOException("mariadbd did not answer on port " + port + " within " + BOUND + ": "
                    + Files.readString(log));
        }
        if (!process.isAlive()) {
            throw new IOException("mariadbd exited: " + Files.readString(log));
        }
        return process;
    }

    private static Connection connect(int port) throws SQLException {
        return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port
                + "/?user=root&sslMode=disable&connectTimeout=2000&socketTimeout=30000");
    }

    private static boolean answers(int port) {
        try (Connection c = connect(port)) {
            return c.isValid(2);
        } catch (SQLException notYet) {
            return false;
        }
    }

    private static void admin(int port, String... statements) throws SQLException {
        try (Connection c = connect(port); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    /** Waits (bounded) until the replica has applied everything in the primary's binary log (GTID positions). */
    private static void awaitReplicaCaughtUp(int primaryPort, int replicaPort) throws SQLException {
        String position;
        try (Connection c = connect(primaryPort); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT @@gtid_binlog_pos")) {
            rs.next();
            position = rs.getString(1);
        }
        try (Connection c = connect(replicaPort); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT MASTER_GTID_WAIT('" + position + "', " + BOUND.toSeconds()
                     + ")")) {
            rs.next();
            assertThat(rs.getInt(1)).as("replica reached the primary's GTID position %s", position).isZero();
        }
    }
}
