package org.ichnaea.app;

import io.javalin.Javalin;
import io.micrometer.statsd.StatsdMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.ichnaea.core.apikey.ApiKeyStore;
import org.ichnaea.core.apikey.ApiKeyUsage;
import org.ichnaea.core.datamap.DataMapStore;
import org.ichnaea.core.export.ExportConfigStore;
import org.ichnaea.core.export.ExportSchema;
import org.ichnaea.core.export.ReportExporter;
import org.ichnaea.core.geoip.GeoIpDatabase;
import org.ichnaea.core.geoip.NullGeoIpDatabase;
import org.ichnaea.core.jobs.JobScheduler;
import org.ichnaea.core.locate.Locator;
import org.ichnaea.core.monitor.PipelineMonitor;
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
import org.ichnaea.core.stats.RegionStatStore;
import org.ichnaea.core.stats.StatCounterFlush;
import org.ichnaea.core.stats.StatStore;
import org.ichnaea.core.submit.IncomingReport;
import org.ichnaea.core.submit.QueryReports;
import org.ichnaea.core.submit.SubmitService;
import org.ichnaea.geoip.GeoIpDatabases;
import org.ichnaea.geoip.JtsRegionShapes;
import org.ichnaea.http.HealthCheck;
import org.ichnaea.http.IchnaeaWeb;
import org.ichnaea.http.WebMetrics;
import org.ichnaea.http.WebSettings;
import org.ichnaea.app.files.FileExporter;
import org.ichnaea.http.export.GeosubmitExporter;
import org.ichnaea.http.fallback.HttpFallbackClient;
import org.ichnaea.http.site.SiteServices;

import org.ichnaea.mysql.Database;
import org.ichnaea.mysql.MysqlApiKeyStore;
import org.ichnaea.mysql.MysqlBlueStationStore;
import org.ichnaea.mysql.MysqlCellAreaStore;
import org.ichnaea.mysql.MysqlCellStationStore;
import org.ichnaea.mysql.MysqlDataMapStore;
import org.ichnaea.mysql.MysqlExportConfigStore;
import org.ichnaea.mysql.MysqlRegionStatStore;
import org.ichnaea.mysql.MysqlReportLedgerStore;
import org.ichnaea.mysql.MysqlStatStore;
import org.ichnaea.mysql.MysqlWifiStationStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: every part of the service built by hand from the settings, and closed in reverse order. The
 * settings pick the infrastructure once: the database side ({@link Storage}: the embedded H2 file or MariaDB/MySQL)
 * and what the processes share besides it ({@link SharedState}: Redis, or this process). The web tier reads through
 * its own pool (the read-only replica when configured); workers and the CLI write through the read-write pool.
 */
public final class Application implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Application.class);
    /**
     * How long the embedded export queues keep acknowledged reports for a replay after an unclean stop. H2 lost up to
     * the last ~1 s of synced commits to a {@code kill -9} in the crash tests (docs/reliability.md); two minutes is a
     * wide margin, and a replay costs one ledger lookup per report.
     */
    static final Duration EMBEDDED_REPLAY = Duration.ofMinutes(2);

    private final Settings settings;
    private final Resources resources = new Resources();
    /** Queues, counters, caches and the job lock: in Redis, or in this process and the database. */
    final SharedState state;
    private final Storage storage;
    final Database writes;
    final Database reads;
    /** The station and cell-area stores on the tables. */
    private final Storage.Stations rows;
    /**
     * The station and cell-area stores every part of this process uses; on MariaDB behind the near cache the web tier
     * reads through, so this process's writes (pipeline, CLI) take their keys out of it (StationNearCache).
     */
    final WifiStationStore wifi;
    final BlueStationStore blue;
    final CellStationStore cells;
    final CellAreaStore areas;
    final MysqlApiKeyStore keys;
    final DataQueue<IncomingReport> incoming;
    final ExportConfigStore exportConfigs;
    final StatStore stats;
    final RegionStatStore regionStats;
    final DataMapStore datamap;
    /** The ledger of applied reports (its clean-up; the station stores write it). */
    final ReportLedgerStore ledger;
    /** Whether this process's pipeline gets through its queue (the update_incoming job reports to it). */
    final PipelineHealth pipelineHealth = new PipelineHealth(Clock.systemUTC());
    private GeoIpDatabase geoIp;
    private RegionShapes regions;

    private Application(Settings settings) {
        this.settings = settings;
        state = SharedState.open(settings, resources);
        storage = Storage.open(settings, resources, this::queue);
        writes = storage.writes();
        reads = storage.reads();
        rows = new Storage.Stations(new MysqlWifiStationStore(reads, writes), new MysqlBlueStationStore(reads, writes),
                new MysqlCellStationStore(reads, writes), new MysqlCellAreaStore(reads, writes));
        Storage.Stations stations = storage.stations(rows);
        wifi = stations.wifi();
        blue = stations.blue();
        cells = stations.cells();
        areas = stations.areas();
        keys = new MysqlApiKeyStore(reads, writes);
        incoming = queue("update_incoming");
        exportConfigs = new MysqlExportConfigStore(reads, writes);
        stats = new MysqlStatStore(reads, writes);
        regionStats = new MysqlRegionStatStore(reads, writes);
        datamap = new MysqlDataMapStore(reads, writes);
        ledger = new MysqlReportLedgerStore(writes);
    }

    /**
     * A report queue: Redis lists when Redis is configured ({@code REDIS_QUEUE_SHARDS} of them); in the embedded mode
     * a log of files under {@code ICHNAEA_DATA_DIR/queues/} (decisions/011); with MySQL and no Redis, rows of
     * {@code queue_item}.
     */
    DataQueue<IncomingReport> queue(String name) {
        return state.queue(name, storage);
    }

    /**
     * On the embedded default, after any process that had the database open stopped without closing it: the
     * reports the internal exports acknowledged in the last {@link #EMBEDDED_REPLAY} are handed out again, so that
     * what H2 lost of them is applied again (the ledger skips what it kept). Run at start and before each pipeline
     * run, so a process that took the database over from a killed one replays too. Answers the reports replayed.
     */
    long replayAfterUncleanStop() {
        return storage.replayAfterUncleanStop();
    }

    /**
     * Opens the databases for {@code serve}, {@code web} and {@code worker}. The embedded default creates or upgrades
     * its schema ({@link #open}); MariaDB/MySQL's is never changed here, only checked (decisions/014,
     * {@link SchemaGuard}): older than this version needs, start-up fails with a message to run {@code migrate};
     * unreachable, the process starts without the database and uses it once it answers.
     */
    static Application openService(Settings settings) {
        return open(settings, Storage::openForService);
    }

    /**
     * Opens the databases for a CLI command other than {@code migrate}: the embedded default creates or upgrades its
     * schema; on MariaDB/MySQL the schema must be current already (and the database reachable).
     */
    static Application openForCommand(Settings settings) {
        return open(settings, Storage::openForCommand);
    }

    /**
     * Opens the databases and creates or upgrades the schema: {@code migrate}, and every command when embedded (where
     * an older version's queues are moved into the log queues, and reports replayed after an unclean stop).
     */
    public static Application open(Settings settings) {
        return open(settings, Storage::migrate);
    }

    private static Application open(Settings settings, Consumer<Storage> opening) {
        Application app = new Application(settings);
        try {
            opening.accept(app.storage);
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
        return app;
    }

    /**
     * The station updater of this process's pipeline: a batch's shard transactions run side by side on the worker's
     * thread and {@code ICHNAEA_PIPELINE_SHARD_THREADS - 1} helper threads, which are shut down (running transactions
     * finish) before the databases close.
     */
    private StationUpdater stationUpdater(Clock clock) {
        int threads = settings.shardThreads();
        if (threads < 2) {
            return new StationUpdater(regions(), clock);
        }
        java.util.concurrent.atomic.AtomicInteger count = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.ExecutorService helpers = java.util.concurrent.Executors.newFixedThreadPool(threads - 1,
                task -> {
                    Thread thread = new Thread(task, "pipeline-shard-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        track(() -> {
            helpers.shutdown();
            if (!helpers.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS)) {
                helpers.shutdownNow();
            }
        });
        return new StationUpdater(regions(), clock, helpers, threads);
    }

    private <T extends AutoCloseable> T track(T resource) {
        return resources.track(resource);
    }

    /** The GeoIP database: {@code GEOIP_PATH}, or the bundled GeoLite2 City extracted into the data directory. */
    synchronized GeoIpDatabase geoIp() {
        if (geoIp == null) {
            Path path = settings.geoipPath() != null ? settings.geoipPath() : BundledGeoIp.extract(settings.dataDir());
            geoIp = path == null ? new NullGeoIpDatabase("no bundled GeoIP database")
                    : track(GeoIpDatabases.openReloading(path));
        }
        return geoIp;
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
        return new CellAreaUpdater(cells, areas, regions(), MobileCountryCodes.bundled(), clock);
    }

    /**
     * The pipeline: reports fan out to the export configurations; the internal one turns them into stations,
     * cell areas, coverage grid cells and daily counts.
     */
    Pipeline pipeline(Clock clock) {
        InternalExporter internal = new InternalExporter(
                new ReportObservations(regions(), MobileCountryCodes.bundled(), settings.algorithm()),
                stationUpdater(clock),
                wifi, blue, cells, areaUpdater(clock), datamap, state.statCounter(), clock);
        Map<ExportSchema, ReportExporter> exporters = Map.of(
                ExportSchema.GEOSUBMIT, new GeosubmitExporter(),
                ExportSchema.FILE, new FileExporter(clock));
        return new Pipeline(incoming, exportConfigs, this::queue, exporters, internal,
                duration -> Thread.sleep(duration.toMillis()));
    }

    /** Ichnaea's {@code update_statcounter}: moves the daily counters into the {@code stat} table. */
    StatCounterFlush statFlush(Clock clock) {
        return new StatCounterFlush(state.statCounter(), stats, clock);
    }

    /** The monitoring jobs over this pipeline's queues, with rate control on Redis (docs/algorithms.md §13.5). */
    PipelineMonitor monitor(Pipeline pipeline, Clock clock) {
        return new PipelineMonitor(pipeline::queueSizes, state.rateController(), writes::transactionHistoryLength,
                keys, usage(), clock);
    }

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

    /** With {@code STATSD_HOST}, also sends every meter of {@code metrics} to the StatsD agent (Statsd). */
    private synchronized void publishToStatsd(WebMetrics metrics) {
        Settings.Telemetry telemetry = settings.telemetry();
        if (telemetry.statsdHost() == null) {
            return;
        }
        if (statsd == null) {
            StatsdMeterRegistry registry = Statsd.registry(telemetry);
            track((AutoCloseable) registry::close);
            statsd = registry;
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

    /** Daily request counters per key: Redis, or in-process. */
    ApiKeyUsage usage() {
        return state.usage();
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
        RequestPathStores guarded = storage.requestPath();
        ApiKeyStore cachedKeys = new CachingApiKeyStore(guarded.keys(keys));
        // Query observations are best effort: written behind, in batches, not one transaction per request.
        BufferedDataQueue<IncomingReport> queryData = track(new BufferedDataQueue<>(incoming, 100, 10_000,
                Duration.ofSeconds(1), "query-data"));
        // What a request reads and counts: with Redis through a pool with short timeouts and a breaker
        // (SharedState.forRequests); the submit queue keeps the main pool.
        SharedState.Requests requests = state.forRequests(clock);
        // On MariaDB lookups go through the near cache first, then the breaker: a cached answer needs no database.
        Storage.Stations lookups = storage.stations(guarded.stations(rows));
        Locator locator = Locator.builder().algorithm(settings.algorithm())
                .wifiStations(lookups.wifi()).blueStations(lookups.blue()).cellStations(lookups.cells())
                .cellAreas(lookups.areas()).geoIp(geoIp()).regions(regions())
                .queryData(QueryReports.into(queryData), requests.sampleRate())
                .fallback(new HttpFallbackClient(), requests.fallbackCache(), requests.rateLimiter())
                .clock(clock).build();
        // Without Redis, submissions are refused while the pipeline fails; with Redis, spooled when Redis does not
        // confirm a write (SharedState.submissions).
        SubmitService submit = new SubmitService(state.submissions(incoming, pipelineHealth),
                MobileCountryCodes.bundled(), () -> ThreadLocalRandom.current().nextDouble(), clock);
        Map<String, HealthCheck> checks = Heartbeat.checks(storage, geoIp(), pipelineHealth, state, clock,
                settings.geoipMaxAgeDays());
        WebSettings web = new WebSettings(settings.maxBodyBytes(), settings.keyless(), settings.keylessDailyLimit(),
                Version.info(), settings.proxies()).withSecretKey(settings.secretKey());
        if (Settings.DEV_SECRET.equals(settings.secretKey())) {
            LOG.warn("SECRET_KEY has its development value; set it in production");
        }
        WebMetrics metrics = new WebMetrics(Map.of("update_incoming", queryData::size));
        webMetrics = metrics;
        publishToStatsd(metrics);
        ApiKeyUsage usage = requests.usage().get();
        // The web site (docs/site.md): statistics from the database, tiles and exports from ICHNAEA_DATA_DIR.
        SiteServices site = new SiteServices(stats, regionStats,
                settings.dataDir(), settings.baseMapUrl(), clock);
        return IchnaeaWeb.create(new IchnaeaWeb.Services(cachedKeys, usage, locator.normalizer(),
                locator.positionSearcher(), locator.regionSearcher(), submit, checks, clock, metrics, site), web);
    }

    @Override
    public void close() {
        resources.close();
    }
}
