package org.ichnaea.app;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.ichnaea.core.StoreUnavailableException;
import org.ichnaea.core.queue.DataQueue;
import org.ichnaea.core.station.BlueStationStore;
import org.ichnaea.core.station.CellAreaStore;
import org.ichnaea.core.station.CellStationStore;
import org.ichnaea.core.station.WifiStationStore;
import org.ichnaea.core.submit.IncomingReport;
import org.ichnaea.http.HealthCheck;
import org.ichnaea.mysql.Database;

/**
 * The database side of an installation, chosen once from the settings: {@link EmbeddedStorage} (H2 under
 * {@code ICHNAEA_DATA_DIR}, its queues in log files) or {@link ServerStorage} (MariaDB/MySQL, a read-write and a
 * read-only pool). {@link Application} builds the stores on its pools; the storage says how the stations are seen,
 * where the report queues are without Redis, and what opening does to the schema.
 */
interface Storage {

    /**
     * Opens the pools the settings name (they connect lazily); {@code resources} closes them. {@code queues} are the
     * application's report queues, which the embedded default moves and replays when it opens.
     */
    static Storage open(Settings settings, Resources resources,
                        Function<String, DataQueue<IncomingReport>> queues) {
        return settings.isEmbedded() ? new EmbeddedStorage(settings, resources, queues)
                : new ServerStorage(settings, resources);
    }

    /** The read-write pool: workers and the CLI. */
    Database writes();

    /** The pool of the web tier's reads (the read-only replica when configured). */
    Database reads();

    /** The station stores every part of this process uses, over {@code rows}, the ones on the tables. */
    Stations stations(Stations rows);

    /** The breaker the web tier's station, area and key lookups go through (RequestPathStores). */
    RequestPathStores requestPath();

    /** A report queue kept by the database or beside it (without Redis). */
    DataQueue<IncomingReport> queue(String name);

    /** {@code migrate}, and every command on the embedded default: creates or upgrades the schema. */
    void migrate();

    /** {@code serve}, {@code web} and {@code worker}. */
    void openForService();

    /** A CLI command other than {@code migrate}. */
    void openForCommand();

    /**
     * After any process that had the embedded database open stopped without closing it: replays what the internal
     * exports acknowledged shortly before (EmbeddedStorage). Answers the reports replayed.
     */
    long replayAfterUncleanStop();

    /** The heartbeat's {@code database} check. */
    HealthCheck health();

    /** The four station stores. */
    record Stations(WifiStationStore wifi, BlueStationStore blue, CellStationStore cells, CellAreaStore areas) {
    }

    /**
     * A {@code SELECT 1} on the read pool, and the schema version as {@code alembic_version}: read once (Flyway's
     * info is slow), then only the ping is timed. While {@code guard} (null: none) keeps the pools refusing, down
     * with a {@code schema} field saying why.
     */
    static HealthCheck health(Database reads, Database writes, SchemaGuard guard) {
        AtomicReference<String> schema = new AtomicReference<>();
        return HealthCheck.of(() -> {
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
        }, Map.of("alembic_version", "unknown"));
    }
}
