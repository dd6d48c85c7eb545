package org.ichnaea.app;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The service's configuration, read from the environment only (README.md "Command line"). Each option is declared once
 * with its name, default and documentation; {@code docs/configuration.md} is checked against these declarations by
 * a test. A bad value stops start-up with a one-line reason.
 */
public record Settings(String dbReadWriteUri, String dbReadOnlyUri, String redisUri, Path geoipPath,
                       String secretKey, String loggingLevel, Path dataDir, String host, int port, boolean keyless,
                       long keylessDailyLimit, long maxBodyBytes, int dbPoolSize, String baseMapUrl,
                       String trustedProxies, org.ichnaea.core.locate.Algorithm algorithm, Telemetry telemetry,
                       long geoipMaxAgeDays, Path redisCaFile, int redisQueueShards,
                       int redisWaitReplicas, int pipelineShardThreads) {

    /**
     * Logs, errors and metrics for operators: the log format ({@code text} or {@code json}), Sentry's DSN and
     * environment (null: no Sentry), the StatsD agent (host null: no StatsD).
     */
    public record Telemetry(String logFormat, String sentryDsn, String sentryEnvironment, String statsdHost,
                            int statsdPort) {

        public boolean jsonLogs() {
            return "json".equals(logFormat);
        }
    }

    /** One environment variable. */
    public record Option(String name, String defaultValue, String doc) {
    }

    public static final String DEV_SECRET = "default for development, change in production";

    public static final Option DB_READWRITE_URI = new Option("DB_READWRITE_URI", "",
            "Database of the workers and the CLI: `mysql://USER:PASS@HOST:PORT/DB` (Ichnaea's "
                    + "`mysql+pymysql://` form too) or a `jdbc:mariadb:` / `jdbc:mysql:` URL. Unset: the embedded H2 "
                    + "database under `ICHNAEA_DATA_DIR`.");
    public static final Option DB_READONLY_URI = new Option("DB_READONLY_URI", "",
            "Read-only replica for the web tier. Unset: `DB_READWRITE_URI`.");
    public static final Option REDIS_URI = new Option("REDIS_URI", "",
            "`redis://HOST:PORT/DB`: report queue, usage counters, fallback cache and rate limit, sample rate. "
                    + "`rediss://HOST:PORT/DB`: the same over TLS (`REDIS_CA_FILE`). "
                    + "`redis-sentinel://MASTER@HOST:PORT,HOST:PORT/DB`: the master the Sentinels name `MASTER`, "
                    + "followed across failovers. `redis-cluster://HOST:PORT,HOST:PORT`: a Redis Cluster (database 0), "
                    + "found from any of these nodes. `USER:PASSWORD@` before the host (or the master) logs in. "
                    + "Unset: in-process counters and caches, reports queued in the database.");
    public static final Option REDIS_CA_FILE = new Option("REDIS_CA_FILE", "",
            "PEM file of the certificate authorities a `rediss://` server's certificate must chain to. Unset: "
                    + "the JDK's trusted authorities.");
    public static final Option REDIS_QUEUE_SHARDS = new Option("REDIS_QUEUE_SHARDS", "auto",
            "Lists each Redis report queue is spread over (`update_incoming:0` ...), 1 to 1024: a cluster spreads "
                    + "them over its nodes. `auto`: 1 (the list `update_incoming`, as Ichnaea), 16 on a "
                    + "`redis-cluster://`. Workers drain the lists of every count used before as well.");
    public static final Option REDIS_WAIT_REPLICAS = new Option("REDIS_WAIT_REPLICAS", "auto",
            "Replicas a report queue write must reach (Redis `WAIT`, 1 s) before a submission is acknowledged; "
                    + "a write that reaches fewer is kept in the local spool and written again. `auto`: 1 on a "
                    + "`redis-sentinel://` (so a failover loses no acknowledged report), else 0.");
    /** Connections of a pool the shard threads leave to the other jobs (scheduler, lease renewals, web writes). */
    private static final int OTHER_CONNECTIONS = 3;
    public static final Option PIPELINE_SHARD_THREADS = new Option("ICHNAEA_PIPELINE_SHARD_THREADS", "auto",
            "Station transactions a pipeline worker runs side by side, 1 to 16 (each shard of a batch is its own "
                    + "transaction on its own database connection; 1: one after the other, as Ichnaea). `auto`: the "
                    + "number of processors, at most 4, with MySQL/MariaDB; 1 on the embedded default (H2 gains nothing from "
                    + "it). Leaves at least 3 connections of `ICHNAEA_DB_POOL_SIZE` to the other jobs.");
    public static final Option GEOIP_PATH = new Option("GEOIP_PATH", "",
            "MaxMind GeoIP2/GeoLite2 City or DB-IP Lite City mmdb file. Unset: the bundled GeoLite2 City (2019), "
                    + "extracted under `ICHNAEA_DATA_DIR/geoip`.");
    public static final Option GEOIP_MAX_AGE_DAYS = new Option("GEOIP_MAX_AGE_DAYS", "60",
            "Age in days past which the heartbeat's `geoip` check carries a `warning` (it stays up; docs/geoip.md "
                    + "says how to get a current file without a licence key); 0: never warn.");
    public static final Option SECRET_KEY = new Option("SECRET_KEY", DEV_SECRET,
            "Salts the response signatures of the request log (`api_response_sig`, as Ichnaea: docs/api.md, "
                    + "\"Request log\"); a warning is logged while it has its development value.");
    public static final Option LOGGING_LEVEL = new Option("LOGGING_LEVEL", "INFO",
            "One of ERROR, WARN, INFO, DEBUG, TRACE (Ichnaea's CRITICAL and WARNING are accepted).");
    public static final Option DATA_DIR = new Option("ICHNAEA_DATA_DIR", "./data",
            "Embedded database (`ichnaea.mv.db`), its queues (`queues/<name>/`, log files, docs/storage.md) and "
                    + "the markers of the processes that have it open (`processes/`, decisions/013), the "
                    + "station-write counter the processes' near caches share (`stations.generation`, 8 bytes, a "
                    + "cache hint: never needs a backup), exports, map tiles, and with Redis the spool of submissions "
                    + "whose write timed out (`spool/`). Keep it on a local disk.");
    public static final Option HOST = new Option("ICHNAEA_HOST", "0.0.0.0",
            "Address the web server listens on (same as `--host`).");
    public static final Option PORT = new Option("ICHNAEA_PORT", "8000",
            "Port the web server listens on (same as `--port`).");
    public static final Option KEYLESS = new Option("ICHNAEA_KEYLESS", "false",
            "`true`: locate and region answer without an API key, as anonymous clients.");
    public static final Option KEYLESS_DAILY_LIMIT = new Option("ICHNAEA_KEYLESS_DAILY_LIMIT", "1000",
            "Requests per client address, day and API in keyless mode; 0 is unlimited.");
    public static final Option MAX_BODY_BYTES = new Option("ICHNAEA_MAX_BODY_BYTES", "10485760",
            "Largest request body, compressed or after gunzip; larger ones get 413.");
    public static final Option DB_POOL_SIZE = new Option("ICHNAEA_DB_POOL_SIZE", "10",
            "Connections per database pool (web and workers have one each).");
    public static final Option BASEMAP_URL = new Option("ICHNAEA_BASEMAP_URL", "",
            "Tile URL template of a base map drawn under the coverage on `/map`, such as "
                    + "`https://tile.openstreetmap.org/{z}/{x}/{y}.png`; visitors' browsers then load its tiles from "
                    + "that host. Unset: no base map, and no page loads anything from another host.");

    public static final Option TRUSTED_PROXIES = new Option("ICHNAEA_TRUSTED_PROXIES", "",
            "Proxies whose `X-Forwarded-For` is believed: comma-separated IPv4/IPv6 CIDRs (`10.0.0.0/8, "
                    + "2001:db8::/32`), or `none`. The client address is the right-most entry that is not one of "
                    + "them. Unset: loopback peers only (127.0.0.0/8, ::1); once set, the list is the whole truth, "
                    + "so list loopback too if a local proxy is in front.");

    public static final Option ALGORITHM = new Option("ICHNAEA_ALGORITHM", "refined",
            "Locate engine and learning: `refined` (received-power weights, strongest-network centroids, cell "
                    + "siblings, calibrated accuracy; docs/accuracy.md) or `ichnaea` (Mozilla Ichnaea's algorithm, "
                    + "for answers identical to Ichnaea's). Give every process the same value.");

    public static final Option JOB_INTERVALS = new Option("ICHNAEA_JOB_INTERVALS", "",
            "Periods of the periodic jobs in seconds, `name=seconds,...`; 0 turns a job off. Defaults: "
                    + "update_incoming=32, export_reports=32, update_statcounter=600, update_statregion=3600, "
                    + "update_tiles=3600, "
                    + "cell_export_diff=3600, monitor_queue_size_and_rate_control=60, monitor_api_key_limits=600, "
                    + "monitor_api_users=600. Daily at fixed UTC times: cleanup_datamap 00:17, cleanup_stat 00:23, "
                    + "cleanup_applied_report 00:29, "
                    + "cell_export_full 00:37.");

    public static final Option LOG_FORMAT = new Option("LOG_FORMAT", "text",
            "`text`: one line per event on stderr; `json`: one JSON object per event on stderr (Logback's "
                    + "`JsonEncoder`; the request log's fields as `kvpList`), for log collectors.");
    public static final Option SENTRY_DSN = new Option("SENTRY_DSN", "",
            "Sentry DSN (`https://KEY@HOST/PROJECT`): ERROR log events, with their exceptions, and uncaught "
                    + "exceptions are sent to Sentry. Unset: no Sentry.");
    public static final Option SENTRY_ENVIRONMENT = new Option("SENTRY_ENVIRONMENT", "",
            "Environment name attached to Sentry events (`production`, `stage`, ...). Unset: Sentry's default.");
    public static final Option STATSD_HOST = new Option("STATSD_HOST", "",
            "StatsD agent to send the metrics of `/__metrics__` to as well (UDP, Datadog-style tags, dotted names "
                    + "such as `http.server.requests`). Unset: no StatsD.");
    public static final Option STATSD_PORT = new Option("STATSD_PORT", "8125",
            "UDP port of the StatsD agent.");

    public static final List<Option> OPTIONS = List.of(DB_READWRITE_URI, DB_READONLY_URI, REDIS_URI, REDIS_CA_FILE,
            REDIS_QUEUE_SHARDS, REDIS_WAIT_REPLICAS, PIPELINE_SHARD_THREADS, GEOIP_PATH,
            GEOIP_MAX_AGE_DAYS, SECRET_KEY, LOGGING_LEVEL, DATA_DIR, HOST, PORT, KEYLESS, KEYLESS_DAILY_LIMIT, MAX_BODY_BYTES,
            DB_POOL_SIZE, JOB_INTERVALS, BASEMAP_URL, TRUSTED_PROXIES, ALGORITHM, LOG_FORMAT, SENTRY_DSN,
            SENTRY_ENVIRONMENT, STATSD_HOST, STATSD_PORT);

    /** Reads every option from an environment map. */
    public static Settings from(Map<String, String> env) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Option option : OPTIONS) {
            String value = env.get(option.name());
            values.put(option.name(), value == null || value.isBlank() ? option.defaultValue() : value.trim());
        }
        String rw = blankToNull(values.get(DB_READWRITE_URI.name()));
        String ro = blankToNull(values.get(DB_READONLY_URI.name()));
        if (ro != null && rw == null) {
            throw new IllegalArgumentException("DB_READONLY_URI is set but DB_READWRITE_URI is not");
        }
        String level = values.get(LOGGING_LEVEL.name()).toUpperCase(Locale.ROOT);
        level = switch (level) {
            case "CRITICAL" -> "ERROR";
            case "WARNING" -> "WARN";
            case "ERROR", "WARN", "INFO", "DEBUG", "TRACE" -> level;
            default -> throw new IllegalArgumentException("LOGGING_LEVEL: unknown level '" + level + "'");
        };
        PipelineJobs.periods(values.get(JOB_INTERVALS.name()));
        int shardThreads = parse(values, PIPELINE_SHARD_THREADS, Settings::shardThreads);
        int pool = parse(values, DB_POOL_SIZE, v -> (int) positive(v));
        if (shardThreads > 1 && shardThreads > pool - OTHER_CONNECTIONS) {
            throw new IllegalArgumentException(PIPELINE_SHARD_THREADS.name() + " (" + shardThreads + ") must leave "
                    + OTHER_CONNECTIONS + " of the " + pool + " connections of " + DB_POOL_SIZE.name()
                    + " to the other jobs");
        }
        String geoip = blankToNull(values.get(GEOIP_PATH.name()));
        return new Settings(rw, ro, blankToNull(values.get(REDIS_URI.name())), geoip == null ? null : Path.of(geoip),
                values.get(SECRET_KEY.name()), level, Path.of(values.get(DATA_DIR.name())), values.get(HOST.name()),
                parse(values, PORT, Settings::port), parse(values, KEYLESS, Settings::bool),
                parse(values, KEYLESS_DAILY_LIMIT, v -> nonNegative(v)),
                parse(values, MAX_BODY_BYTES, v -> positive(v)),
                parse(values, DB_POOL_SIZE, v -> (int) positive(v)), parse(values, BASEMAP_URL, Settings::baseMap),
                parse(values, TRUSTED_PROXIES, Settings::trustedProxies),
                parse(values, ALGORITHM, org.ichnaea.core.locate.Algorithm::parse),
                new Telemetry(parse(values, LOG_FORMAT, Settings::logFormat),
                        parse(values, SENTRY_DSN, Settings::sentryDsn),
                        blankToNull(values.get(SENTRY_ENVIRONMENT.name())),
                        blankToNull(values.get(STATSD_HOST.name())), parse(values, STATSD_PORT, Settings::port)),
                parse(values, GEOIP_MAX_AGE_DAYS, Settings::nonNegative),
                parse(values, REDIS_CA_FILE, Settings::caFile),
                parse(values, REDIS_QUEUE_SHARDS, Settings::queueShards),
                parse(values, REDIS_WAIT_REPLICAS, Settings::waitReplicas),
                shardThreads);
    }

    /** 0 for {@code auto}. */
    private static int shardThreads(String value) {
        return autoOrCount(value, 0, Settings::positive, 16, "at most 16 (there are 16 shards)");
    }

    /**
     * {@code auto} as {@code auto}, else the count {@code parse} reads, at most {@code max} (else
     * {@code tooMany}).
     */
    private static int autoOrCount(String value, int auto, java.util.function.ToLongFunction<String> parse, long max,
                                   String tooMany) {
        if ("auto".equalsIgnoreCase(value)) {
            return auto;
        }
        long count = parse.applyAsLong(value);
        if (count > max) {
            throw new IllegalArgumentException(tooMany);
        }
        return (int) count;
    }

    /**
     * The shard transactions a pipeline worker runs side by side: {@code ICHNAEA_PIPELINE_SHARD_THREADS}, or for
     * {@code auto} the number of processors, at most 4 (leaving 3 connections), with MySQL/MariaDB, and 1 on the
     * embedded default: H2 drained a 500,000-report backlog about 10 % slower with 2 (docs/benchmarks.md).
     */
    public int shardThreads() {
        if (pipelineShardThreads > 0) {
            return pipelineShardThreads;
        }
        return isEmbedded() ? 1 : Math.max(1, Math.min(dbPoolSize - OTHER_CONNECTIONS,
                Math.min(4, Runtime.getRuntime().availableProcessors())));
    }

    /** -1 for {@code auto}. */
    private static int waitReplicas(String value) {
        return autoOrCount(value, -1, Settings::nonNegative, 16, "at most 16 replicas");
    }

    /** The replicas a queue write waits for: {@code REDIS_WAIT_REPLICAS}, or for {@code auto} 1 with Sentinel. */
    public int waitReplicas() {
        if (redisWaitReplicas >= 0) {
            return redisWaitReplicas;
        }
        return redisUri != null && redisUri.trim().toLowerCase(Locale.ROOT).startsWith("redis-sentinel://") ? 1 : 0;
    }

    /** 0 for {@code auto}. */
    private static int queueShards(String value) {
        return autoOrCount(value, 0, Settings::positive, 1024, "at most 1024 shards");
    }

    /** The lists a Redis queue is spread over: {@code REDIS_QUEUE_SHARDS}, or for {@code auto} 1 (16 on a cluster). */
    public int queueShards() {
        if (redisQueueShards > 0) {
            return redisQueueShards;
        }
        return redisUri != null && redisUri.trim().toLowerCase(Locale.ROOT).startsWith("redis-cluster://")
                ? org.ichnaea.redis.RedisQueues.CLUSTER_SHARDS : 1;
    }

    private static Path caFile(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Path file = Path.of(value.trim());
        if (!java.nio.file.Files.isReadable(file)) {
            throw new IllegalArgumentException("not a readable file");
        }
        return file;
    }

    public Settings withHostAndPort(String newHost, Integer newPort) {
        return new Settings(dbReadWriteUri, dbReadOnlyUri, redisUri, geoipPath, secretKey, loggingLevel, dataDir,
                newHost == null ? host : newHost, newPort == null ? port : newPort, keyless, keylessDailyLimit,
                maxBodyBytes, dbPoolSize, baseMapUrl, trustedProxies, algorithm, telemetry, geoipMaxAgeDays,
                redisCaFile, redisQueueShards, redisWaitReplicas, pipelineShardThreads);
    }

    public boolean isEmbedded() {
        return dbReadWriteUri == null;
    }

    private static <T> T parse(Map<String, String> values, Option option, Function<String, T> parser) {
        String value = values.get(option.name());
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option.name() + ": " + e.getMessage() + " (got '" + value + "')");
        }
    }

    private static int port(String value) {
        int port = (int) number(value);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("not a port number");
        }
        return port;
    }

    private static boolean bool(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw new IllegalArgumentException("expected true or false");
        };
    }

    private static long number(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a whole number");
        }
    }

    private static long nonNegative(String value) {
        long n = number(value);
        if (n < 0) {
            throw new IllegalArgumentException("must be 0 or more");
        }
        return n;
    }

    private static long positive(String value) {
        long n = number(value);
        if (n <= 0) {
            throw new IllegalArgumentException("must be more than 0");
        }
        return n;
    }

    /** A tile URL template over http(s) with {z}, {x} and {y}; blank: none. */
    private static String baseMap(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String lower = value.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("https://") && !lower.startsWith("http://")) {
            throw new IllegalArgumentException("must start with https:// or http://");
        }
        if (!value.contains("{z}") || !value.contains("{x}") || !value.contains("{y}")) {
            throw new IllegalArgumentException("must contain {z}, {x} and {y}");
        }
        return value;
    }

    private static String logFormat(String value) {
        String format = value.toLowerCase(Locale.ROOT);
        if (!format.equals("text") && !format.equals("json")) {
            throw new IllegalArgumentException("text or json");
        }
        return format;
    }

    /** A Sentry DSN, {@code http(s)://KEY@HOST/PROJECT}; blank: none. */
    private static String sentryDsn(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            java.net.URI uri = new java.net.URI(value);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getUserInfo() == null
                    || uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
                throw new IllegalArgumentException("not a Sentry DSN (https://KEY@HOST/PROJECT)");
            }
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("not a Sentry DSN (https://KEY@HOST/PROJECT)");
        }
        return value;
    }

    /** Comma-separated CIDRs or {@code none}, checked now; blank: unset (loopback only). */
    private static String trustedProxies(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        org.ichnaea.http.TrustedProxies.parse(value);
        return value;
    }

    /** The proxies whose {@code X-Forwarded-For} the web tier believes. */
    public org.ichnaea.http.TrustedProxies proxies() {
        return trustedProxies == null ? org.ichnaea.http.TrustedProxies.loopback()
                : org.ichnaea.http.TrustedProxies.parse(trustedProxies);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
