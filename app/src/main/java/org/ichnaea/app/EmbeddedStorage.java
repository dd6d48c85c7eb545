package org.ichnaea.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.ichnaea.core.export.ExportConfig;
import org.ichnaea.core.export.ExportConfigStore;
import org.ichnaea.core.export.ExportSchema;
import org.ichnaea.core.queue.DataQueue;
import org.ichnaea.core.submit.IncomingReport;
import org.ichnaea.core.submit.IncomingReportCodec;
import org.ichnaea.http.HealthCheck;
import org.ichnaea.mysql.Database;
import org.ichnaea.mysql.MysqlExportConfigStore;
import org.ichnaea.mysql.MysqlSettings;
import org.ichnaea.mysql.UncleanStops;
import org.ichnaea.mysql.queue.LogDataQueue;
import org.ichnaea.mysql.queue.MysqlDataQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default ({@code DB_READWRITE_URI} unset): one pool on the H2 file
 * {@code ICHNAEA_DATA_DIR/ichnaea.mv.db} for reads and writes, without Redis the report queues as log files under
 * {@code ICHNAEA_DATA_DIR/queues/} (decisions/011), markers of the processes that have the database open
 * (decisions/013); every command creates or upgrades the schema.
 */
final class EmbeddedStorage implements Storage {

    private static final Logger LOG = LoggerFactory.getLogger(Application.class);

    private final Settings settings;
    private final Function<String, DataQueue<IncomingReport>> queues;
    private final Database database;
    /** The markers of the processes that have the database open. */
    private final UncleanStops uncleanStops;
    private volatile boolean databaseClosed;
    /** The log queues, one handle per name. */
    private final Map<String, LogDataQueue<IncomingReport>> logQueues = new ConcurrentHashMap<>();
    /** One per process, shared by all its station stores; null when the generation file cannot be mapped. */
    private final StationNearCache nearCache;

    EmbeddedStorage(Settings settings, Resources resources, Function<String, DataQueue<IncomingReport>> queues) {
        this.settings = settings;
        this.queues = queues;
        // The marker goes last, once the database closed cleanly (resources close in reverse order).
        uncleanStops = UncleanStops.register(settings.dataDir());
        resources.track((AutoCloseable) () -> {
            if (databaseClosed) {
                uncleanStops.close();
            }
        });
        database = Database.open(MysqlSettings.embedded(settings.dataDir(), false, settings.dbPoolSize()));
        nearCache = nearCache(settings.dataDir());
        resources.track((AutoCloseable) () -> {
            database.close();
            databaseClosed = true;
        });
        resources.track(syncEverySecond(database));
        // The web tier and the jobs, tracked later, stop using the queues first.
        resources.track((AutoCloseable) () -> logQueues.values().forEach(LogDataQueue::close));
    }

    /**
     * {@code CHECKPOINT SYNC} once a second while the database is open. H2 does not sync its commits, and writes over
     * the space of replaced pages {@link MysqlSettings#RETENTION_MILLIS 5 s} after they were replaced: the pages
     * that replaced them must be on disk by then, or a power cut or kernel crash could leave the file pointing at
     * overwritten pages. The pipeline syncs before it acknowledges a batch; this covers every other write (statistics,
     * API keys, imports, a pipeline that is idle). Stopped before the database closes (resources close in reverse).
     */
    private static AutoCloseable syncEverySecond(Database database) {
        ScheduledExecutorService syncer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "h2-sync");
            t.setDaemon(true);
            return t;
        });
        AtomicBoolean warned = new AtomicBoolean();
        syncer.scheduleWithFixedDelay(() -> {
            try {
                database.jdbi().useHandle(h -> h.execute("CHECKPOINT SYNC"));
                warned.set(false);
            } catch (RuntimeException e) {
                if (warned.compareAndSet(false, true)) {
                    LOG.warn("embedded database sync failed (retried every second): {}", e.toString());
                }
            }
        }, 1, 1, TimeUnit.SECONDS);
        return () -> {
            syncer.shutdown();
            syncer.awaitTermination(10, TimeUnit.SECONDS);
        };
    }

    @Override
    public Database writes() {
        return database;
    }

    @Override
    public Database reads() {
        return database;
    }

    /**
     * Behind a near cache, as on MariaDB: a locate that hits it makes no H2 query (docs/benchmarks.md, "Web service
     * under load"). Every process of the data directory advances {@code stations.generation} when it writes stations,
     * so {@code process} or an import run beside {@code serve} shows at once; without that file, no cache.
     */
    @Override
    public Stations stations(Stations rows) {
        if (nearCache == null) {
            return rows;
        }
        return nearCache.stations(rows);
    }

    private static StationNearCache nearCache(Path dataDir) {
        Path file = dataDir.resolve("stations.generation");
        try {
            Files.createDirectories(dataDir);
            return new StationNearCache(StationGeneration.mapped(file));
        } catch (IOException | UnsupportedOperationException e) {
            LOG.warn("no station cache: cannot map {} ({}); every lookup queries the database, and the stations this "
                    + "process writes show in other processes' caches only after 10 s", file, e.toString());
            return null;
        }
    }

    /** No breaker: the embedded H2 runs in the process and does not stall on a network. */
    @Override
    public RequestPathStores requestPath() {
        return RequestPathStores.none();
    }

    /**
     * A log of files under {@code ICHNAEA_DATA_DIR/queues/NAME}. A batch leaves its queue only once what it changed
     * is flushed and synced; and as H2 can still lose the last synced commits to a kill -9, the export queues keep
     * what they acknowledged for a replay ({@link #replayAfterUncleanStop}).
     */
    @Override
    public DataQueue<IncomingReport> queue(String name) {
        if (!name.matches("[A-Za-z0-9_][A-Za-z0-9_.-]{0,99}")) {
            throw new IllegalArgumentException("not a queue name: " + name);
        }
        return logQueues.computeIfAbsent(name, n -> LogDataQueue.incoming(queuesDir().resolve(n),
                () -> database.jdbi().useHandle(h -> h.execute("CHECKPOINT SYNC")),
                n.startsWith("queue_export_") ? Application.EMBEDDED_REPLAY : Duration.ZERO));
    }

    private Path queuesDir() {
        return settings.dataDir().resolve("queues");
    }

    @Override
    public void migrate() {
        database.migrate();
        moveOlderEmbeddedQueues();
        replayAfterUncleanStop();
    }

    @Override
    public void openForService() {
        migrate();
    }

    @Override
    public void openForCommand() {
        migrate();
    }

    /**
     * After any process that had the database open stopped without closing it: the reports the internal exports
     * acknowledged in the last {@link Application#EMBEDDED_REPLAY} are handed out again, so that what H2 lost of them is applied
     * again (the ledger skips what it kept). Run at start and before each pipeline run, so a process that took the
     * database over from a killed one replays too.
     */
    @Override
    public long replayAfterUncleanStop() {
        if (!uncleanStops.anyUncleanStop()) {
            return 0; // a directory listing, not a database query, before each pipeline run
        }
        ExportConfigStore exportConfigs = new MysqlExportConfigStore(database, database);
        List<ExportConfig> internal = exportConfigs.findAll().stream()
                .filter(c -> c.schema() == ExportSchema.INTERNAL).toList();
        List<String> stopped = uncleanStops.takeUncleanStops();
        if (stopped.isEmpty()) {
            return 0;
        }
        long replayed = 0;
        for (ExportConfig config : internal) {
            DataQueue<IncomingReport> queue = queues.apply(config.queueName());
            if (queue instanceof LogDataQueue<IncomingReport> log) {
                replayed += log.replayAcknowledged();
            }
        }
        LOG.warn("{} stopped without closing the database: {} reports applied shortly before go through the "
                + "pipeline again", stopped.size() == 1 ? "a process" : stopped.size() + " processes", replayed);
        return replayed;
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
            try (SpoolingQueue<IncomingReport> files = new SpoolingQueue<>(queues.apply("update_incoming"), journal,
                    IncomingReportCodec::encode,
                    IncomingReportCodec::decode, 60_000)) {
                long moved = files.moveAll();
                if (moved > 0) {
                    LOG.info("moved {} reports of an older version's submission journal into the queue", moved);
                }
            }
        }
        List<String> names = database.jdbi().withHandle(h -> h.createQuery(
                "SELECT DISTINCT queue_name FROM queue_item").mapTo(String.class).list());
        for (String name : names) {
            MysqlDataQueue<IncomingReport> rows = MysqlDataQueue.incoming(database, name);
            DataQueue<IncomingReport> log = queues.apply(name);
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

    @Override
    public HealthCheck health() {
        return Storage.health(database, database, null);
    }
}
