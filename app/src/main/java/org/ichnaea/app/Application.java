package org.ichnaea.app;

import io.javalin.Javalin;
import io.micrometer.statsd.StatsdConfig;
import io.micrometer.statsd.StatsdFlavor;
import io.micrometer.statsd.StatsdMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.ichnaea.core.StoreUnavailableException;
import org.ichnaea.core.apikey.ApiKeyStore;
import org.ichnaea.core.apikey.ApiKeyUsage;
import org.ichnaea.core.apikey.InMemoryApiKeyUsage;
import org.ichnaea.core.apikey.WriteBehindApiKeyUsage;
import org.ichnaea.core.datamap.DataMapStore;
import org.ichnaea.core.export.ExportConfig;
import org.ichnaea.core.export.ExportConfigStore;
import org.ichnaea.core.export.ExportSchema;
import org.ichnaea.core.export.ReportExporter;
import org.ichnaea.core.geoip.GeoIpDatabase;
import org.ichnaea.core.geoip.NullGeoIpDatabase;
import org.ichnaea.core.jobs.InMemoryJobLock;
import org.ichnaea.core.jobs.JobLock;
import org.ichnaea.core.jobs.JobScheduler;
import org.ichnaea.core.locate.InMemoryLocateSampleRate;
import org.ichnaea.core.locate.Locator;
import org.ichnaea.core.locate.fallback.InMemoryFallbackCache;
import org.ichnaea.core.locate.fallback.InMemoryRateLimiter;
import org.ichnaea.core.monitor.PipelineMonitor;
import org.ichnaea.core.monitor.RateController;
import org.ichnaea.core.pipeline.CellAreaUpdater;
import org.ichnaea.core.pipeline.InternalExporter;
import org.ichnaea.core.pipeline.Pipeline;
import org.ichnaea.core.pipeline.PipelineHealth;
import org.ichnaea.core.pipeline.ReportObservations;
import org.ichnaea.core.pipeline.StationUpdater;
import org.ichnaea.core.queue.BufferedDataQueue;
import org.ichnaea.core.queue.DataQueue;
import org.ichnaea.core.radio.MobileCountryCodes;
import org.ichnaea.core.region.RegionShapes;
import org.ichnaea.core.station.BlueStationStore;
import org.ichnaea.core.station.CellAreaStore;
import org.ichnaea.core.station.CellStationStore;
import org.ichnaea.core.station.ReportLedgerStore;
import org.ichnaea.core.station.WifiStationStore;
import org.ichnaea.core.stats.InMemoryStatCounter;
import org.ichnaea.core.stats.RegionStatStore;
import org.ichnaea.core.stats.StatCounter;
import org.ichnaea.core.stats.StatCounterFlush;
import org.ichnaea.core.stats.StatStore;
import org.ichnaea.core.submit.IncomingReport;
import org.ichnaea.core.submit.IncomingReportCodec;
import org.ichnaea.core.submit.QueryReports;
import org.ichnaea.core.submit.SubmitService;
import org.ichnaea.geoip.GeoIpDatabases;
import org.ichnaea.geoip.JtsRegionShapes;
import org.ichnaea.geoip.MaxMindGeoIpDatabase;
import org.ichnaea.geoip.ReloadingGeoIpDatabase;
import org.ichnaea.http.HealthCheck;
import org.ichnaea.http.IchnaeaWeb;
import org.ichnaea.http.WebMetrics;
import org.ichnaea.http.WebSettings;
import org.ichnaea.http.export.FileExporter;
import org.ichnaea.http.export.GeosubmitExporter;
import org.ichnaea.http.fallback.HttpFallbackClient;
import org.ichnaea.http.site.SiteServices;
import org.ichnaea.mysql.CachingApiKeyStore;
import org.ichnaea.mysql.Database;
import org.ichnaea.mysql.MysqlApiKeyStore;
import org.ichnaea.mysql.MysqlBlueStationStore;
import org.ichnaea.mysql.MysqlCellAreaStore;
import org.ichnaea.mysql.MysqlCellStationStore;
import org.ichnaea.mysql.MysqlDataMapStore;
import org.ichnaea.mysql.MysqlExportConfigStore;
import org.ichnaea.mysql.MysqlRegionStatStore;
import org.ichnaea.mysql.MysqlReportLedgerStore;
import org.ichnaea.mysql.MysqlSettings;
import org.ichnaea.mysql.MysqlStatStore;
import org.ichnaea.mysql.MysqlWifiStationStore;
import org.ichnaea.mysql.UncleanStops;
import org.ichnaea.mysql.queue.LogDataQueue;
import org.ichnaea.mysql.queue.MysqlDataQueue;
import org.ichnaea.redis.Redis;
import org.ichnaea.redis.RedisApiKeyUsage;
import org.ichnaea.redis.RedisFallbackCache;
import org.ichnaea.redis.RedisJobLock;
import org.ichnaea.redis.RedisLocateSampleRate;
import org.ichnaea.redis.RedisQueues;
import org.ichnaea.redis.RedisRateControlStore;
import org.ichnaea.redis.RedisRateLimiter;
import org.ichnaea.redis.RedisStatCounter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: every part of the service built by hand from the settings, and closed in reverse order.
 * The web tier reads through its own pool (the read-only replica when configured); workers and the CLI write
 * through the read-write pool.
 */
public final class Application implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Application.class);
    static final String BUNDLED_GEOIP = "GeoLite2-City.mmdb";

    private final Settings settings;
    private final List<AutoCloseable> resources = new ArrayList<>();
    final Database writes;
    final Database reads;
    /**
     * The station and cell-area stores every part of this process uses; on MariaDB behind the near cache the web tier
     * reads through, so this process's writes (pipeline, CLI) take their keys out of it (StationNearCache).
     */
    final WifiStationStore wifi;
    final BlueStationStore blue;
    final CellStationStore cells;
    final CellAreaStore areas;
    /** MariaDB/MySQL only; null on the embedded default. */
    private final StationNearCache nearCache;
    private final MysqlWifiStationStore wifiRows;
    private final MysqlBlueStationStore blueRows;
    private final MysqlCellStationStore cellRows;
    private final MysqlCellAreaStore areaRows;
    final MysqlApiKeyStore keys;
    final DataQueue<IncomingReport> incoming;
    final ExportConfigStore exportConfigs;
    final StatStore stats;
    final RegionStatStore regionStats;
    final DataMapStore datamap;
    /** The ledger of applied reports (its clean-up; the station stores write it). */
    final ReportLedgerStore ledger;
    /** The embedded mode's queues (log files under the data directory), one handle per name. */
    private final Map<String, LogDataQueue<IncomingReport>> logQueues = new ConcurrentHashMap<>();
    /**
     * How long the embedded export queues keep acknowledged reports for a replay after an unclean stop. H2 lost up to
     * the last ~1 s of synced commits to a {@code kill -9} in the crash tests (docs/reliability.md); two minutes is a
     * wide margin, and a replay costs one ledger lookup per report.
     */
    static final Duration EMBEDDED_REPLAY = Duration.ofMinutes(2);
    /** The embedded mode's markers of the processes that have the database open; null with MySQL. */
    private final UncleanStops uncleanStops;
    private volatile boolean databaseClosed;
    /** Whether this process's pipeline gets through its queue (the update_incoming job reports to it). */
    final PipelineHealth pipelineHealth;
    /** Redis counters, or in-process ones that every pipeline run flushes (the embedded mode). */
    final StatCounter statCounter;
    final JobLock jobLock;
    /** Null in the embedded mode: counters, caches and queues stay in-process or in the database. */
    final Redis redis;
    private GeoIpDatabase geoIp;
    private RegionShapes regions;
    /** The schema check of serve, web and worker on MariaDB/MySQL ({@link #openService}); null otherwise. */
    private SchemaGuard schemaGuard;

    private Application(Settings settings) {
        this.settings = settings;
        redis = settings.redisUri() == null ? null
                : track(Redis.open(settings.redisUri(), settings.redisCaFile()).requireReplicas(settings.waitReplicas()));
        int pool = settings.dbPoolSize();
        if (settings.isEmbedded()) {
            // The marker goes last, once the database closed cleanly (resources close in reverse order).
            uncleanStops = UncleanStops.register(settings.dataDir());
            track((AutoCloseable) () -> {
                if (databaseClosed) {
                    uncleanStops.close();
                }
            });
            writes = Database.open(MysqlSettings.embedded(settings.dataDir(), false, pool));
            track((AutoCloseable) () -> {
                writes.close();
                databaseClosed = true;
            });
            reads = writes;
        } else {
            uncleanStops = null;
            writes = track(Database.open(MysqlSettings.fromUri(settings.dbReadWriteUri(), false, pool)));
            reads = track(Database.open(MysqlSettings.fromUri(settings.dbReadOnlyUri() != null
                    ? settings.dbReadOnlyUri() : settings.dbReadWriteUri(), true, pool)));
        }
        wifiRows = new MysqlWifiStationStore(reads, writes);
        blueRows = new MysqlBlueStationStore(reads, writes);
        cellRows = new MysqlCellStationStore(reads, writes);
        areaRows = new MysqlCellAreaStore(reads, writes);
        nearCache = settings.isEmbedded() ? null : new StationNearCache();
        wifi = nearCache == null ? wifiRows : nearCache.wifi(wifiRows);
        blue = nearCache == null ? blueRows : nearCache.blue(blueRows);
        cells = nearCache == null ? cellRows : nearCache.cells(cellRows);
        areas = nearCache == null ? areaRows : nearCache.areas(areaRows);
        keys = new MysqlApiKeyStore(reads, writes);
        if (settings.isEmbedded()) {
            // Resources close in reverse order: the web tier and the jobs, tracked later, stop using them first.
            track((AutoCloseable) () -> logQueues.values().forEach(LogDataQueue::close));
        }
        incoming = queue("update_incoming");
        exportConfigs = new MysqlExportConfigStore(reads, writes);
        stats = new MysqlStatStore(reads, writes);
        regionStats = new MysqlRegionStatStore(reads, writes);
        datamap = new MysqlDataMapStore(reads, writes);
        ledger = new MysqlReportLedgerStore(writes);
        pipelineHealth = new PipelineHealth(Clock.systemUTC());
        statCounter = redis != null ? new RedisStatCounter(redis)
                : new InMemoryStatCounter();
        jobLock = redis != null ? new RedisJobLock(redis)
                : new InMemoryJobLock();
    }

    /** The Redis queues opened so far, by name: one object per queue, whose shard registry it keeps. */
    private final Map<String, DataQueue<IncomingReport>> redisQueues = new ConcurrentHashMap<>();

    /**
     * A report queue: Redis lists when Redis is configured ({@code REDIS_QUEUE_SHARDS} of them); in the embedded mode a log of files under
     * {@code ICHNAEA_DATA_DIR/queues/} (decisions/011); with MySQL and no Redis, rows of {@code queue_item}.
     */
    DataQueue<IncomingReport> queue(String name) {
        if (redis != null) {
            return redisQueues.computeIfAbsent(name,
                    n -> RedisQueues.incoming(redis, n, settings.queueShards()));
        }
        if (!settings.isEmbedded()) {
            return MysqlDataQueue.incoming(writes, name);
        }
        if (!name.matches("[A-Za-z0-9_][A-Za-z0-9_.-]{0,99}")) {
            throw new IllegalArgumentException("not a queue name: " + name);
        }
        // A batch leaves its queue only once what it changed is flushed and synced; and as H2 can still lose the
        // last synced commits to a kill -9, the export queues keep what they acknowledged for a replay
        // (replayAfterUncleanStop).
        return logQueues.computeIfAbsent(name, n -> LogDataQueue.incoming(queuesDir().resolve(n),
                () -> writes.jdbi().useHandle(h -> h.execute("CHECKPOINT SYNC")),
                n.startsWith("queue_export_") ? EMBEDDED_REPLAY : Duration.ZERO));
    }

    /**
     * On the embedded default, after any process that had the database open stopped without closing it: the
     * reports the internal exports acknowledged in the last {@link #EMBEDDED_REPLAY} are handed out again, so that
     * what H2 lost of them is applied again (the ledger skips what it kept). Run at start and before each pipeline
     * run, so a process that took the database over from a killed one replays too. Answers the reports replayed.
     */
    long replayAfterUncleanStop() {
        if (uncleanStops == null || !uncleanStops.anyUncleanStop()) {
            return 0; // a directory listing, not a database query, before each pipeline run
        }
        List<ExportConfig> internal = exportConfigs.findAll().stream()
                .filter(c -> c.schema() == ExportSchema.INTERNAL).toList();
        List<String> stopped = uncleanStops.takeUncleanStops();
        if (stopped.isEmpty()) {
            return 0;
        }
        long replayed = 0;
        for (ExportConfig config : internal) {
            DataQueue<IncomingReport> queue = queue(config.queueName());
            if (queue instanceof LogDataQueue<IncomingReport> log) {
                replayed += log.replayAcknowledged();
            }
        }
        LOG.warn("{} stopped without closing the database: {} reports applied shortly before go through the "
                + "pipeline again", stopped.size() == 1 ? "a process" : stopped.size() + " processes", replayed);
        return replayed;
    }

    private Path queuesDir() {
        return settings.dataDir().resolve("queues");
    }

    /**
     * Opens the databases for {@code serve}, {@code web} and {@code worker}. The embedded default creates or upgrades
     * its schema ({@link #open}); MariaDB/MySQL's is never changed here, only checked (decisions/014,
     * {@link SchemaGuard}): older than this version needs, start-up fails with a message to run {@code migrate};
     * unreachable, the process starts without the database and uses it once it answers.
     */
    static Application openService(Settings settings) {
        if (settings.isEmbedded()) {
            return open(settings);
        }
        Application app = new Application(settings);
        try {
            app.schemaGuard = app.track(new SchemaGuard(app.writes, List.of(app.writes, app.reads)));
            app.schemaGuard.start();
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
        return app;
    }

    /**
     * Opens the databases for a CLI command other than {@code migrate}: the embedded default creates or upgrades its
     * schema; on MariaDB/MySQL the schema must be current already (and the database reachable).
     */
    static Application openForCommand(Settings settings) {
        if (settings.isEmbedded()) {
            return open(settings);
        }
        Application app = new Application(settings);
        try {
            SchemaGuard.requireCurrent(app.writes);
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
        return app;
    }

    /** Opens the databases and creates or upgrades the schema: {@code migrate}, and every command when embedded. */
    public static Application open(Settings settings) {
        Application app = new Application(settings);
        try {
            app.writes.migrate();
            if (app.settings.isEmbedded()) {
                app.moveOlderEmbeddedQueues();
                app.replayAfterUncleanStop();
            }
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
        return app;
    }

    /**
     * Earlier versions kept the embedded queues in H2's {@code queue_item} table, behind a journal of submission
     * files: what an installation upgraded from one of them still holds there is moved into the log queues, each
     * piece enqueued (synced) before it is deleted, so a crash in between only queues it twice (applied once by its
     * report id, decisions/010).
     */
    private void moveOlderEmbeddedQueues() {
        Path journal = settings.dataDir().resolve("journal").resolve("update_incoming");
        if (Files.isDirectory(journal)) {
            try (SpoolingQueue<IncomingReport> files = new SpoolingQueue<>(incoming, journal,
                    IncomingReportCodec::encode,
                    IncomingReportCodec::decode, 60_000)) {
                long moved = files.moveAll();
                if (moved > 0) {
                    LOG.info("moved {} reports of an older version's submission journal into the queue", moved);
                }
            }
        }
        List<String> names = writes.jdbi().withHandle(h -> h.createQuery(
                "SELECT DISTINCT queue_name FROM queue_item").mapTo(String.class).list());
        for (String name : names) {
            MysqlDataQueue<IncomingReport> rows = MysqlDataQueue.incoming(writes, name);
            DataQueue<IncomingReport> log = queue(name);
            rows.recover();
            long moved = 0;
            for (DataQueue.Claim<IncomingReport> claim = rows.claim(1000); !claim.isEmpty();
                 claim = rows.claim(1000)) {
                log.enqueue(claim.items());
                claim.ack();
                moved += claim.items().size();
            }
            LOG.info("moved {} reports of queue {} from the database into its log queue", moved, name);
        }
    }

    private <T extends AutoCloseable> T track(T resource) {
        resources.add(resource);
        return resource;
    }

    /** The GeoIP database: {@code GEOIP_PATH}, or the bundled GeoLite2 City extracted into the data directory. */
    synchronized GeoIpDatabase geoIp() {
        if (geoIp == null) {
            Path path = settings.geoipPath() != null ? settings.geoipPath() : extractBundledGeoIp();
            geoIp = path == null ? new NullGeoIpDatabase("no bundled GeoIP database")
                    : GeoIpDatabases.openReloading(path);
            if (geoIp instanceof AutoCloseable closeable) {
                track(closeable);
            }
        }
        return geoIp;
    }

    private Path extractBundledGeoIp() {
        Path target = settings.dataDir().resolve("geoip").resolve("GeoLite2-City-20191119.mmdb");
        try (InputStream in = Application.class.getClassLoader().getResourceAsStream(BUNDLED_GEOIP)) {
            if (in == null) {
                LOG.warn("the bundled GeoLite2 City database is missing from the classpath; GeoIP is off");
                return null;
            }
            if (!Files.exists(target)) {
                Files.createDirectories(target.getParent());
                Path tmp = Files.createTempFile(target.getParent(), "geoip", ".tmp");
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract the bundled GeoIP database to " + target, e);
        }
    }

    /** The bundled Natural Earth region shapes, loaded on first use (about two seconds). */
    synchronized RegionShapes regions() {
        if (regions == null) {
            regions = JtsRegionShapes.bundled();
        }
        return regions;
    }

    /** Recomputes cell areas from their cells (docs/algorithms.md §13.8). */
    CellAreaUpdater areaUpdater(Clock clock) {
        return new CellAreaUpdater(cells, areas, regions(), MobileCountryCodes.bundled(),
                clock);
    }

    /**
     * The pipeline: reports fan out to the export configurations; the internal one turns them into stations,
     * cell areas, coverage grid cells and daily counts.
     */
    Pipeline pipeline(Clock clock) {
        InternalExporter internal = new InternalExporter(
                new ReportObservations(regions(), MobileCountryCodes.bundled(), settings.algorithm()),
                new StationUpdater(regions(), clock),
                wifi, blue, cells, areaUpdater(clock), datamap, statCounter, clock);
        Map<ExportSchema, ReportExporter> exporters = Map.of(
                ExportSchema.GEOSUBMIT, new GeosubmitExporter(),
                ExportSchema.FILE, new FileExporter(clock));
        return new Pipeline(incoming, exportConfigs, this::queue, exporters, internal,
                duration -> Thread.sleep(duration.toMillis()));
    }

    /** Ichnaea's {@code update_statcounter}: moves the daily counters into the {@code stat} table. */
    StatCounterFlush statFlush(Clock clock) {
        return new StatCounterFlush(statCounter, stats, clock);
    }

    /** The monitoring jobs over this pipeline's queues, with rate control on Redis (docs/algorithms.md §13.5). */
    PipelineMonitor monitor(Pipeline pipeline, Clock clock) {
        RateController controller = redis == null ? null
                : new RateController(new RedisRateControlStore(redis));
        return new PipelineMonitor(pipeline::queueSizes, controller,
                writes::transactionHistoryLength, keys, usage(), clock);
    }

    private ApiKeyUsage usage;
    /** The web tier's metrics registry, once {@link #web} built it; the jobs publish their gauges there. */
    private volatile WebMetrics webMetrics;

    /** A metrics registry for a worker's monitoring server (a worker has no web tier to own one). */
    WebMetrics workerMetrics() {
        WebMetrics metrics = new WebMetrics(Map.of("update_incoming", incoming::size));
        webMetrics = metrics;
        publishToStatsd(metrics);
        return metrics;
    }

    private StatsdMeterRegistry statsd;

    /**
     * With {@code STATSD_HOST}, also sends every meter of {@code metrics} to the StatsD agent over UDP: Datadog-style
     * tags (Ichnaea's metrics were tagged too), one datagram per line as it is recorded, gauges every 10 s.
     */
    private synchronized void publishToStatsd(WebMetrics metrics) {
        Settings.Telemetry telemetry = settings.telemetry();
        if (telemetry.statsdHost() == null) {
            return;
        }
        if (statsd == null) {
            statsd = new StatsdMeterRegistry(new StatsdConfig() {
                @Override
                public String get(String key) {
                    return null;
                }

                @Override
                public StatsdFlavor flavor() {
                    return StatsdFlavor.DATADOG;
                }

                @Override
                public String host() {
                    return telemetry.statsdHost();
                }

                @Override
                public int port() {
                    return telemetry.statsdPort();
                }

                @Override
                public boolean buffered() {
                    return false;
                }
            }, io.micrometer.core.instrument.Clock.SYSTEM);
            StatsdMeterRegistry registry = statsd;
            track((AutoCloseable) registry::close);
        }
        metrics.addRegistry(statsd);
    }

    /**
     * Publishes the jobs' counts and the monitors' latest snapshots on {@code /__metrics__}: serve's web tier, or
     * a worker's monitoring server ({@code worker --metrics-port}); without either the monitors only log.
     */
    void registerJobMetrics(JobScheduler scheduler,
                            PipelineMonitor monitor, Pipeline pipeline) {
        WebMetrics metrics = webMetrics;
        if (metrics == null) {
            return;
        }
        JobMetrics.register(metrics.registry(), scheduler, monitor, pipeline);
    }

    /** Daily request counters per key: Redis, or in-process in the embedded mode. */
    synchronized ApiKeyUsage usage() {
        if (usage == null) {
            usage = redis != null ? new RedisApiKeyUsage(redis) : new InMemoryApiKeyUsage();
        }
        return usage;
    }

    /** Where the coverage tiles are rendered, and served from. */
    Path tilesDir() {
        return settings.dataDir().resolve("tiles");
    }

    /** Where the public cell exports are written, and offered for download. */
    Path exportDir() {
        return settings.dataDir().resolve("export");
    }

    Settings settings() {
        return settings;
    }

    /** The web application (not started). */
    Javalin web(Clock clock) {
        // On MariaDB the web tier's station, area and key lookups skip the database for 5 s after one fault (a
        // stalled server costs one request the 1.5 s socket timeout, not every request): RequestPathStores.
        RequestPathStores guarded = settings.isEmbedded() ? RequestPathStores.none() : RequestPathStores.database();
        ApiKeyStore cachedKeys = new CachingApiKeyStore(guarded.keys(keys));
        // Query observations are best effort: written behind, in batches, not one transaction per request.
        BufferedDataQueue<IncomingReport> queryData = track(new BufferedDataQueue<>(incoming, 100, 10_000,
                Duration.ofSeconds(1), "query-data"));
        // What a request reads and counts in Redis goes through a pool with short timeouts and a breaker that skips
        // Redis for a while after a failure (Redis.openForRequests); the submit queue keeps the main pool.
        Redis fast = redis == null ? null : track(Redis.openForRequests(settings.redisUri(), settings.redisCaFile()));
        // On MariaDB lookups go through the near cache first, then the breaker: a cached answer needs no database.
        StationNearCache near = nearCache;
        Locator locator = Locator.builder().algorithm(settings.algorithm())
                .wifiStations(near == null ? wifi : near.wifi(guarded.wifi(wifiRows)))
                .blueStations(near == null ? blue : near.blue(guarded.blue(blueRows)))
                .cellStations(near == null ? cells : near.cells(guarded.cells(cellRows)))
                .cellAreas(near == null ? areas : near.areas(guarded.areas(areaRows))).geoIp(geoIp()).regions(regions())
                .queryData(QueryReports.into(queryData), fast != null
                        ? new RedisLocateSampleRate(fast, Duration.ofSeconds(1)) : new InMemoryLocateSampleRate())
                .fallback(new HttpFallbackClient(),
                        fast != null ? new RedisFallbackCache(fast) : new InMemoryFallbackCache(clock),
                        fast != null ? new RedisRateLimiter(fast) : new InMemoryRateLimiter(clock))
                .clock(clock).build();
        // Without Redis the queue is a table of the same database as the stations: when this process's pipeline
        // cannot get through it any more (a broken database), refuse submissions rather than acknowledge them.
        // With Redis, a write Redis does not confirm goes to a local spool and is moved later (SpoolingQueue), so a
        // Redis outage or stall costs submissions no 503 and a timed-out write that Redis ran after all no duplicate.
        DataQueue<IncomingReport> submissions = redis != null
                ? track(new SpoolingQueue<>(incoming, settings.dataDir().resolve("spool").resolve("update_incoming"),
                        IncomingReportCodec::encode,
                        IncomingReportCodec::decode, 1000))
                : new RefusingWhenFailing<>(incoming, pipelineHealth);
        SubmitService submit = new SubmitService(submissions, MobileCountryCodes.bundled(),
                () -> ThreadLocalRandom.current().nextDouble(), clock);
        Map<String, HealthCheck> checks = new LinkedHashMap<>();
        // The heartbeat runs the checks in parallel under a deadline (HeartbeatHandler); one not answered in time is
        // down. The schema version is read once (Flyway's info is slow) and then only the ping is timed.
        AtomicReference<String> schema = new AtomicReference<>();
        SchemaGuard guard = schemaGuard;
        checks.put("database", HealthCheck.of(() -> {
            String problem = guard == null ? null : guard.problem();
            if (problem != null) {
                // Not connected yet, or a schema older than this version needs (decisions/014).
                return HealthCheck.Health.down(Map.of("alembic_version",
                        guard.version() == null ? "unknown" : guard.version(), "schema", problem));
            }
            try {
                reads.ping();
                if (schema.get() == null) {
                    schema.set(writes.schemaVersion());
                }
                return HealthCheck.Health.up(Map.of("alembic_version", schema.get()));
            } catch (StoreUnavailableException e) {
                return HealthCheck.Health.down(Map.of("alembic_version", "unknown"));
            }
        }, Map.of("alembic_version", "unknown")));
        GeoIpDatabase geo = geoIp();
        checks.put("geoip", () -> geoIpHealth(geo, clock, settings.geoipMaxAgeDays()));
        checks.put("pipeline", () -> pipelineHealth.isFailing()
                ? HealthCheck.Health.down(Map.of("failures", pipelineHealth.consecutiveFailures()))
                : HealthCheck.Health.up(Map.of()));
        if (redis != null) {
            checks.put("redis", () -> {
                try {
                    redis.ping();
                    return HealthCheck.Health.up(Map.of());
                } catch (StoreUnavailableException e) {
                    return HealthCheck.Health.down(Map.of());
                }
            });
        } else {
            checks.put("redis", () -> HealthCheck.Health.up(Map.of("mode", "in-process")));
        }
        WebSettings web = new WebSettings(settings.maxBodyBytes(), settings.keyless(), settings.keylessDailyLimit(),
                Version.info(), settings.proxies()).withSecretKey(settings.secretKey());
        if (Settings.DEV_SECRET.equals(settings.secretKey())) {
            LOG.warn("SECRET_KEY has its development value; set it in production");
        }
        WebMetrics metrics = new WebMetrics(Map.of("update_incoming", queryData::size));
        webMetrics = metrics;
        publishToStatsd(metrics);
        // Counted in memory and sent to Redis once a second, one batch per key and path: no round trip per request
        // (WriteBehindApiKeyUsage; a daily limit may be passed by one second of traffic).
        ApiKeyUsage usage = fast != null ? track(new WriteBehindApiKeyUsage(
                new RedisApiKeyUsage(fast), Duration.ofSeconds(1))) : usage();
        // The web site (docs/site.md): statistics from the database, tiles and exports from ICHNAEA_DATA_DIR.
        SiteServices site = new SiteServices(stats, regionStats,
                settings.dataDir(), settings.baseMapUrl(), clock);
        return IchnaeaWeb.create(new IchnaeaWeb.Services(cachedKeys, usage, locator.normalizer(),
                locator.positionSearcher(), locator.regionSearcher(), submit, checks, clock, metrics, site), web);
    }

    /**
     * Ichnaea's GeoIP heartbeat: {@code age_in_days} and {@code version} (the build time) of the loaded database;
     * none loaded: down, with age -1. A database older than {@code maxAgeDays} (GEOIP_MAX_AGE_DAYS; 0: never) stays
     * up and gets a {@code warning} (docs/geoip.md, "A current database").
     */
    static HealthCheck.Health geoIpHealth(GeoIpDatabase geo, Clock clock, long maxAgeDays) {
        GeoIpDatabase current = geo instanceof ReloadingGeoIpDatabase reloading
                ? reloading.current() : geo;
        if (!current.isAvailable()) {
            return HealthCheck.Health.down(Map.of("age_in_days", -1, "version", current.description()));
        }
        if (current instanceof MaxMindGeoIpDatabase maxmind && maxmind.buildTime() != null) {
            Instant built = maxmind.buildTime();
            Map<String, Object> extra = new LinkedHashMap<>();
            long age = Duration.between(built, clock.instant()).toDays();
            extra.put("age_in_days", age);
            extra.put("version", built.toString());
            if (maxAgeDays > 0 && age > maxAgeDays) {
                extra.put("warning", GeoIpCommand.ageWarning(age, maxAgeDays));
            }
            return HealthCheck.Health.up(extra);
        }
        return HealthCheck.Health.up(Map.of("version", current.description()));
    }

    @Override
    public void close() {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                LOG.warn("closing {} failed: {}", resources.get(i), e.toString());
            }
        }
        resources.clear();
    }

    /** A queue that refuses new items while the pipeline that drains it is failing (see {@code web}). */
    static final class RefusingWhenFailing<T> implements DataQueue<T> {
        private final DataQueue<T> delegate;
        private final PipelineHealth health;

        RefusingWhenFailing(DataQueue<T> delegate, PipelineHealth health) {
            this.delegate = delegate;
            this.health = health;
        }

        @Override
        public void enqueue(List<T> items) {
            if (health.isFailing()) {
                throw new StoreUnavailableException("the pipeline has failed "
                        + health.consecutiveFailures() + " runs in a row: " + health.lastError());
            }
            delegate.enqueue(items);
        }

        @Override
        public List<T> dequeue(int max) {
            return delegate.dequeue(max);
        }

        @Override
        public long size() {
            return delegate.size();
        }

        @Override
        public Claim<T> claim(int max) {
            return delegate.claim(max);
        }

        @Override
        public long recover() {
            return delegate.recover();
        }
    }
}
