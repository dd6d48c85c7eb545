package org.ichnaea.mysql;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How to reach one database pool.
 *
 * @param jdbcUrl           a {@code jdbc:mariadb:}, {@code jdbc:mysql:} or {@code jdbc:h2:} URL
 * @param connectionTimeout how long a caller waits for a connection before the store reports itself unavailable
 * @param readOnly          whether the pool is the web tier's read-only pool
 */
public record MysqlSettings(String jdbcUrl, String user, String password, int maxPoolSize,
                            Duration connectionTimeout, boolean readOnly, String poolName) {

    /** About one second: a database outage must reach the web tier quickly, so locate degrades to GeoIP. */
    public static final Duration WEB_CONNECTION_TIMEOUT = Duration.ofSeconds(1);
    public static final Duration WORKER_CONNECTION_TIMEOUT = Duration.ofSeconds(10);
    /**
     * How long the web pool waits on a MariaDB/MySQL socket read (the driver's {@code socketTimeout}): a stalled
     * database costs a request at most this, then the connection is dropped and the store reports itself
     * unavailable. The web tier's queries are key lookups that take milliseconds.
     */
    public static final Duration WEB_SOCKET_TIMEOUT = Duration.ofMillis(1500);
    /** The workers' socket timeout: long enough for big batches, clean-ups and exports. */
    public static final Duration WORKER_SOCKET_TIMEOUT = Duration.ofSeconds(30);

    /** The driver's socket timeout of this pool: short for the web tier's read-only pool. */
    public Duration socketTimeout() {
        return readOnly ? WEB_SOCKET_TIMEOUT : WORKER_SOCKET_TIMEOUT;
    }

    /**
     * Settings from an operator URI: {@code mysql://USER:PASS@HOST:PORT/DB} (Ichnaea's {@code mysql+pymysql://}
     * form too) or a JDBC URL.
     */
    public static MysqlSettings fromUri(String uri, boolean readOnly, int maxPoolSize) {
        DatabaseUrls.Target target = DatabaseUrls.parse(uri);
        return new MysqlSettings(target.jdbcUrl(), target.user(), target.password(), maxPoolSize,
                readOnly ? WEB_CONNECTION_TIMEOUT : WORKER_CONNECTION_TIMEOUT, readOnly,
                readOnly ? "ichnaea-web" : "ichnaea-worker");
    }

    /**
     * How long H2 keeps the pages a commit replaced before it writes over them (its default: 45 s). While a backlog
     * drains, the pipeline replaces pages at tens of MB a second, and H2 cannot reuse their space for that long: with
     * 45 s a 500,000-report drain grew the file to 4.7 GB (0.16 GB of live data), and a {@code serve} kept such a file
     * until its restart. With 5 s the same drain peaked at 0.63 GB, and a {@code serve} that drained 200,000 reports
     * stayed at 0.4 GB instead of 2.6 GB; the pipeline runs 25-40 % slower (docs/benchmarks.md, "Embedded backlog").
     * H2 does not sync its commits and writes over such pages once this time has passed, assuming the operating
     * system wrote the newer ones meanwhile; the embedded storage makes sure of it: {@code CHECKPOINT SYNC} once a
     * second in every process that has the database open, and before each pipeline batch is acknowledged.
     */
    public static final int RETENTION_MILLIS = 5_000;

    /**
     * The embedded default: one H2 file {@code ichnaea.mv.db} under the data directory, in MySQL mode, opened with
     * {@code AUTO_SERVER} so CLI commands can use it while a server runs. H2's own write delay (500 ms) applies: no
     * acknowledgement rests on an H2 commit alone (submissions go to the log queues; an export batch is acknowledged
     * after {@code CHECKPOINT SYNC}, and replayed after an unclean stop because H2 can lose even synced commits to a
     * kill -9, decisions/013). {@code WRITE_DELAY=0}, used before, stored a chunk per commit and turned H2's
     * background compaction off: a 500,000-report drain took 4 min 15 s instead of 2 min 45 s (docs/benchmarks.md).
     * {@code MAX_COMPACT_TIME=30000} lets a closing database compact its file for up to 30 s: H2 does not reuse the
     * space of rewritten pages while such a stream of commits runs (the same drain grew the file to 5-7 GB for
     * 0.17 GB of live data; the 200 ms default left it so). H2 refuses {@code DB_CLOSE_ON_EXIT=FALSE} with
     * {@code AUTO_SERVER}, so on SIGTERM its own shutdown hook may close the database under a running pipeline job:
     * the job's claim then stays with the ended process and comes back at the next start (docs/reliability.md), so
     * nothing is lost. {@code RETENTION_TIME}: see {@link #RETENTION_MILLIS}.
     */
    public static MysqlSettings embedded(Path dataDir, boolean readOnly, int maxPoolSize) {
        Path file = dataDir.toAbsolutePath().resolve("ichnaea");
        String url = "jdbc:h2:file:" + file + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE"
                + ";AUTO_SERVER=TRUE;LOCK_TIMEOUT=10000;MAX_COMPACT_TIME=30000;RETENTION_TIME=" + RETENTION_MILLIS;
        return new MysqlSettings(url, "sa", "", maxPoolSize,
                readOnly ? WEB_CONNECTION_TIMEOUT : WORKER_CONNECTION_TIMEOUT, false,
                readOnly ? "ichnaea-web" : "ichnaea-worker");
    }

    public Dialect dialect() {
        return Dialect.of(jdbcUrl);
    }

    @Override
    public String toString() {
        return "MysqlSettings[" + DatabaseUrls.redact(jdbcUrl) + ", user=" + user + ", pool=" + maxPoolSize + "]";
    }
}
