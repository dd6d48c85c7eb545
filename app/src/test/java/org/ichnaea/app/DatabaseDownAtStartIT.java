package org.ichnaea.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.javalin.testtools.JavalinTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ichnaea.core.apikey.ApiKey;
import org.ichnaea.core.pipeline.Pipeline;
import org.ichnaea.core.testing.TestStations;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, item 3 (decisions/014): on MariaDB, {@code web} and {@code worker} never change the schema. Started while
 * the database cannot be reached (a loopback proxy in front of {@code TEST_DB_URL}'s server that refuses), the web
 * tier answers IP-only geolocate from GeoIP and its heartbeat says the database is down; once the proxy lets through,
 * a geosubmit is taken, a worker started just as blind learns its stations, and a Wi-Fi geolocate answers from them
 * within 15 s. Both run as MariaDB users without DDL rights (read-write: SELECT, INSERT, UPDATE, DELETE; the web
 * tier's reads: SELECT only), made here by root. On a schema older than this version needs, {@code web},
 * {@code worker} and the CLI refuse to start with a message to run {@code migrate}; one that turns out older once the
 * database answers keeps the web tier off the database until {@code migrate} has run, with no restart.
 */
class DatabaseDownAtStartIT {

    private static final String DB = "ichnaea_schema_it";
    private static final String OLD_DB = "ichnaea_schema_old_it";
    private static final String RW_USER = "ichnaea_it_rw";
    private static final String RO_USER = "ichnaea_it_ro";
    private static final String PASSWORD = "it-secret";
    private static final String KEY = "schemait";
    /** A GeoIP-known address (README): the bundled GeoLite2 City places it at 54.0679 N, 12.1186 E. */
    private static final String GEOIP_ADDRESS = "193.99.144.80";
    private static final double GEOIP_LAT = 54.0679;
    private static final double WIFI_LAT = 51.4321;

    @TempDir
    Path dataDir;

    private String host;
    private int port;
    private String query;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeEach
    void services() throws SQLException {
        String url = System.getenv("TEST_DB_URL");
        if (url == null || url.isBlank()) {
            if ("true".equals(System.getenv("CI"))) {
                fail("TEST_DB_URL must be set under CI=true");
            }
            assumeTrue(false, "TEST_DB_URL is not set");
        }
        URI uri = URI.create(url.substring("jdbc:".length()));
        host = uri.getHost();
        port = uri.getPort() < 0 ? 3306 : uri.getPort();
        query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
        try (Connection root = root(""); Statement sql = root.createStatement()) {
            for (String db : List.of(DB, OLD_DB)) {
                sql.execute("DROP DATABASE IF EXISTS " + db);
                sql.execute("CREATE DATABASE " + db);
            }
            for (String user : List.of(RW_USER, RO_USER)) {
                sql.execute("DROP USER IF EXISTS '" + user + "'@'%'");
                sql.execute("CREATE USER '" + user + "'@'%' IDENTIFIED BY '" + PASSWORD + "'");
            }
            for (String db : List.of(DB, OLD_DB)) {
                // docs/configuration.md, "Database users": no CREATE, ALTER, DROP, INDEX for the services.
                sql.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON " + db + ".* TO '" + RW_USER + "'@'%'");
                sql.execute("GRANT SELECT ON " + db + ".* TO '" + RO_USER + "'@'%'");
            }
        }
    }

    @AfterEach
    void dropServices() throws SQLException {
        if (host == null) {
            return;
        }
        try (Connection root = root(""); Statement sql = root.createStatement()) {
            for (String db : List.of(DB, OLD_DB)) {
                sql.execute("DROP DATABASE IF EXISTS " + db);
            }
            for (String user : List.of(RW_USER, RO_USER)) {
                sql.execute("DROP USER IF EXISTS '" + user + "'@'%'");
            }
        }
    }

    @Test
    void web_started_without_the_database_answers_from_geoip_then_from_wifi_within_15_s() throws Exception {
        migrateAsRoot(DB);
        try (LoopbackTcpProxy proxy = new LoopbackTcpProxy(host, port);
             Application web = Application.openService(Settings.from(servicesEnv(DB, proxy, "web")));
             Application worker = Application.openService(Settings.from(servicesEnv(DB, proxy, "worker")))) {
            PipelineJobs.Parts jobs = PipelineJobs.parts(worker, Clock.systemUTC());
            StringBuilder figure = new StringBuilder();
            JavalinTest.test(web.web(Clock.systemUTC()), (server, client) -> {
                String origin = "http://127.0.0.1:" + server.port();

                // Down: IP-only geolocate answers from GeoIP, a Wi-Fi one too, the heartbeat says why.
                HttpResponse<String> ipOnly = geolocate(origin, "{}");
                assertThat(ipOnly.statusCode()).as(ipOnly.body()).isEqualTo(200);
                assertThat(lat(ipOnly.body())).isCloseTo(GEOIP_LAT, within(0.01));
                HttpResponse<String> wifiWhileDown = geolocate(origin, wifiQuery());
                assertThat(wifiWhileDown.statusCode()).as(wifiWhileDown.body()).isEqualTo(200);
                assertThat(lat(wifiWhileDown.body())).isCloseTo(GEOIP_LAT, within(0.01));
                assertThat(geolocate(origin, wifiOnlyQuery()).statusCode()).isEqualTo(404);
                HttpResponse<String> heartbeat = get(origin + "/__heartbeat__");
                assertThat(heartbeat.statusCode()).isEqualTo(503);
                assertThat(heartbeat.body()).contains("\"database\":{\"up\":false")
                        .contains("the database has not answered since this process started");

                // Up: a report is taken, the worker learns its two stations, Wi-Fi geolocate answers from them.
                proxy.open();
                long upAt = System.nanoTime();
                Duration limit = Duration.ofSeconds(15);
                int submitted = await(limit, upAt, "a geosubmit taken", () -> {
                    HttpResponse<String> r = post(origin + "/v2/geosubmit?key=" + KEY, report());
                    return r.statusCode() == 200 ? Optional.of(r.statusCode()) : Optional.empty();
                });
                assertThat(submitted).isEqualTo(200);
                await(limit, upAt, "the worker drains the report", () -> {
                    try {
                        Pipeline.Result result = jobs.pipeline().drain();
                        return result.reports() > 0 ? Optional.of(result) : Optional.empty();
                    } catch (RuntimeException stillRefused) {
                        return Optional.empty();
                    }
                });
                double lat = await(limit, upAt, "a Wi-Fi answer", () -> {
                    HttpResponse<String> r = geolocate(origin, wifiOnlyQuery());
                    double answered = r.statusCode() == 200 ? lat(r.body()) : Double.NaN;
                    return Math.abs(answered - WIFI_LAT) < 0.01 ? Optional.of(answered) : Optional.empty();
                });
                long millis = (System.nanoTime() - upAt) / 1_000_000;
                figure.append(String.format(Locale.ROOT, "DatabaseDownAtStartIT: answered from Wi-Fi %d ms after the "
                        + "database came up (lat %.4f)", millis, lat));
                assertThat(millis).isLessThan(limit.toMillis());
                assertThat(get(origin + "/__heartbeat__").body()).contains("\"database\":{\"up\":true");
            });
            System.out.println(figure); // JavalinTest keeps what is printed inside it to itself

            // The worker's other jobs need no DDL either: counts, region totals, tiles.
            PipelineJobs.processAll(jobs);
            assertThat(worker.stats.latest(org.ichnaea.core.stats.StatKey.UNIQUE_WIFI, LocalDate.now(ZoneOffset.UTC)))
                    .as("the daily count the worker wrote as the read-write user").hasValue(2);
        }
    }

    @Test
    void web_worker_and_cli_refuse_to_start_on_an_older_schema() throws Exception {
        migrateAsRoot(OLD_DB);
        makeOlder(OLD_DB);
        Map<String, String> env = new HashMap<>(directEnv(OLD_DB));
        for (String[] command : List.of(new String[] {"web", "--host", "127.0.0.1", "--port", "0"},
                new String[] {"worker"}, new String[] {"apikey", "list"})) {
            CliRun run = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> CliRun.run(env, command));
            assertThat(run.exitCode()).as(command[0] + " " + run.out()).isEqualTo(1);
            assertThat(run.err()).as(command[0]).contains("ichnaea: the database schema is at version")
                    .contains("run `java -jar ichnaea.jar migrate`");
        }
    }

    @Test
    void an_older_schema_found_once_the_database_answers_keeps_the_web_tier_off_it_until_migrate() throws Exception {
        migrateAsRoot(OLD_DB);
        makeOlder(OLD_DB);
        try (LoopbackTcpProxy proxy = new LoopbackTcpProxy(host, port);
             Application web = Application.openService(Settings.from(servicesEnv(OLD_DB, proxy, "web")))) {
            JavalinTest.test(web.web(Clock.systemUTC()), (server, client) -> {
                String origin = "http://127.0.0.1:" + server.port();
                proxy.open();
                long upAt = System.nanoTime();
                String body = await(Duration.ofSeconds(15), upAt, "the heartbeat naming the older schema", () -> {
                    HttpResponse<String> r = get(origin + "/__heartbeat__");
                    return r.body().contains("migrate") ? Optional.of(r.body()) : Optional.empty();
                });
                assertThat(body).contains("\"database\":{\"up\":false").contains("pending");
                for (int i = 0; i < 3; i++) {
                    HttpResponse<String> r = geolocate(origin, wifiOnlyQuery());
                    assertThat(r.statusCode()).as("stored stations are not read on an older schema: " + r.body())
                            .isEqualTo(404);
                    assertThat(lat(geolocate(origin, wifiQuery()).body())).as("GeoIP answers")
                            .isCloseTo(GEOIP_LAT, within(0.01));
                    Thread.sleep(500);
                }

                undoOlder(OLD_DB); // what migrate does to the history, without changing the tables twice
                long migratedAt = System.nanoTime();
                await(Duration.ofSeconds(20), migratedAt, "a Wi-Fi answer after migrate", () -> {
                    HttpResponse<String> r = geolocate(origin, wifiOnlyQuery());
                    return Math.abs(lat(r.body()) - WIFI_LAT) < 0.01 ? Optional.of(true) : Optional.empty();
                });
                assertThat(get(origin + "/__heartbeat__").body()).contains("\"database\":{\"up\":true");
            });
        }
    }

    // --- the databases ---

    private Connection root(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:mariadb://" + host + ":" + port + "/" + database
                + (query.isEmpty() ? "" : "?" + query));
    }

    /** Migrates {@code db} as root, with the API key and (for the older-schema test) the two stations stored. */
    private void migrateAsRoot(String db) {
        Map<String, String> env = directEnv(db);
        env.put("DB_READWRITE_URI", "jdbc:mariadb://" + host + ":" + port + "/" + db
                + (query.isEmpty() ? "" : "?" + query));
        env.remove("DB_READONLY_URI");
        try (Application app = Application.open(Settings.from(env))) {
            app.keys.save(ApiKey.unlimited(KEY));
            if (db.equals(OLD_DB)) {
                Instant now = Instant.now();
                app.wifi.saveAll(List.of(
                        TestStations.wifi("e6:14:00:00:00:01").at(WIFI_LAT, -0.1).samples(5L)
                                .created(now.minus(Duration.ofDays(30))).modified(now)
                                .lastSeen(LocalDate.now(ZoneOffset.UTC)).build(),
                        TestStations.wifi("e6:14:00:00:00:02").at(WIFI_LAT + 0.0002, -0.1002).samples(5L)
                                .created(now.minus(Duration.ofDays(30))).modified(now)
                                .lastSeen(LocalDate.now(ZoneOffset.UTC)).build()));
            }
        }
    }

    /** Takes the last migration out of Flyway's history (kept aside): the schema reads as one version older. */
    private void makeOlder(String db) throws SQLException {
        try (Connection root = root(db); Statement sql = root.createStatement()) {
            sql.execute("CREATE TABLE schema_it_taken AS SELECT * FROM flyway_schema_history "
                    + "ORDER BY installed_rank DESC LIMIT 1");
            sql.execute("DELETE FROM flyway_schema_history ORDER BY installed_rank DESC LIMIT 1");
        }
    }

    private void undoOlder(String db) throws SQLException {
        try (Connection root = root(db); Statement sql = root.createStatement()) {
            sql.execute("INSERT INTO flyway_schema_history SELECT * FROM schema_it_taken");
        }
    }

    /** The services' environment: the read-write and read-only users, through the proxy. */
    private Map<String, String> servicesEnv(String db, LoopbackTcpProxy proxy, String dir) {
        Map<String, String> env = new HashMap<>();
        env.put("DB_READWRITE_URI", userUrl(db, "127.0.0.1", proxy.port(), RW_USER));
        env.put("DB_READONLY_URI", userUrl(db, "127.0.0.1", proxy.port(), RO_USER));
        env.put("ICHNAEA_DATA_DIR", dataDir.resolve(dir).toString());
        return env;
    }

    /** The users straight to the server. */
    private Map<String, String> directEnv(String db) {
        Map<String, String> env = new HashMap<>();
        env.put("DB_READWRITE_URI", userUrl(db, host, port, RW_USER));
        env.put("DB_READONLY_URI", userUrl(db, host, port, RO_USER));
        env.put("ICHNAEA_DATA_DIR", dataDir.resolve("cli").toString());
        return env;
    }

    private String userUrl(String db, String h, int p, String user) {
        return "jdbc:mariadb://" + h + ":" + p + "/" + db + "?user=" + user + "&password=" + PASSWORD
                + (query.contains("sslMode=disable") ? "&sslMode=disable" : "");
    }

    // --- HTTP ---

    /** The two stations, with GeoIP as well (what a phone sends). */
    private static String wifiQuery() {
        return wifiOnlyQuery().replace("{\"considerIp\":false,", "{");
    }

    /**
     * The two stations and no GeoIP ({@code considerIp: false}): 200 only from the stations. (With GeoIP a Wi-Fi answer
     * from stations learned today can score below the GeoIP answer, docs/algorithms.md §3.)
     */
    private static String wifiOnlyQuery() {
        return "{\"considerIp\":false,\"wifiAccessPoints\":[{\"macAddress\":\"e6:14:00:00:00:01\",\"signalStrength\":-60},"
                + "{\"macAddress\":\"e6:14:00:00:00:02\",\"signalStrength\":-70}]}";
    }

    private static String report() {
        String item = "{\"position\":{\"latitude\":%.4f,\"longitude\":-0.1,\"accuracy\":5},\"wifiAccessPoints\":["
                + "{\"macAddress\":\"e6:14:00:00:00:01\",\"signalStrength\":-60},"
                + "{\"macAddress\":\"e6:14:00:00:00:02\",\"signalStrength\":-70}]}";
        return String.format(Locale.ROOT, "{\"items\":[" + item + "," + item + "]}", WIFI_LAT, WIFI_LAT + 0.0002);
    }

    private HttpResponse<String> geolocate(String origin, String body) {
        return send(HttpRequest.newBuilder(URI.create(origin + "/v1/geolocate?key=" + KEY))
                .header("X-Forwarded-For", GEOIP_ADDRESS).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> post(String url, String body) {
        return send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError("request failed: " + e, e);
        }
    }

    private static final Pattern LAT = Pattern.compile("\"lat\":(-?[0-9.]+)");

    private static double lat(String body) {
        Matcher m = LAT.matcher(body);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    /** Polls every 100 ms until {@code probe} answers, or fails {@code limit} after {@code fromNanos}. */
    private static <T> T await(Duration limit, long fromNanos, String what, Supplier<Optional<T>> probe)
            throws InterruptedException {
        while (true) {
            Optional<T> answer = probe.get();
            if (answer.isPresent()) {
                return answer.get();
            }
            if (System.nanoTime() - fromNanos > limit.toNanos()) {
                fail("no " + what + " within " + limit.toSeconds() + " s");
            }
            Thread.sleep(100);
        }
    }
}
