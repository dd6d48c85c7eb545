package org.ichnaea.app;

import java.util.List;
import org.ichnaea.core.queue.DataQueue;
import org.ichnaea.core.submit.IncomingReport;
import org.ichnaea.http.HealthCheck;
import org.ichnaea.mysql.Database;
import org.ichnaea.mysql.MysqlSettings;
import org.ichnaea.mysql.queue.MysqlDataQueue;

/**
 * MariaDB/MySQL ({@code DB_READWRITE_URI}, {@code DB_READONLY_URI}): a read-write and a read-only pool, the stations
 * behind a near cache ({@link StationNearCache}), the request path behind a breaker ({@link RequestPathStores}),
 * without Redis the report queues in {@code queue_item}; the schema is only changed by {@code migrate}
 * (decisions/014, {@link SchemaGuard}).
 */
final class ServerStorage implements Storage {

    private final Resources resources;
    private final Database writes;
    private final Database reads;
    /**
     * The near cache every station store of this process goes through: the web tier reads through it, so this
     * process's writes (pipeline, CLI) take their keys out of it.
     */
    private final StationNearCache nearCache = new StationNearCache();
    /** The schema check of serve, web and worker ({@link #openForService}); null otherwise. */
    private volatile SchemaGuard schemaGuard;

    ServerStorage(Settings settings, Resources resources) {
        this.resources = resources;
        int pool = settings.dbPoolSize();
        writes = resources.track(Database.open(MysqlSettings.fromUri(settings.dbReadWriteUri(), false, pool)));
        reads = resources.track(Database.open(MysqlSettings.fromUri(settings.dbReadOnlyUri() != null
                ? settings.dbReadOnlyUri() : settings.dbReadWriteUri(), true, pool)));
    }

    @Override
    public Database writes() {
        return writes;
    }

    @Override
    public Database reads() {
        return reads;
    }

    @Override
    public Stations stations(Stations rows) {
        return nearCache.stations(rows);
    }

    /**
     * After one fault the web tier's lookups skip the database for 5 s: a stalled server costs one request the 1.5 s
     * socket timeout, not every request.
     */
    @Override
    public RequestPathStores requestPath() {
        return RequestPathStores.database();
    }

    /** Rows of {@code queue_item}. */
    @Override
    public DataQueue<IncomingReport> queue(String name) {
        return MysqlDataQueue.incoming(writes, name);
    }

    @Override
    public void migrate() {
        writes.migrate();
    }

    /**
     * Refuses to start on an older schema, with a message to run {@code migrate}; unreachable, the process starts
     * without the database and uses it once it answers.
     */
    @Override
    public void openForService() {
        schemaGuard = resources.track(new SchemaGuard(writes, List.of(writes, reads)));
        schemaGuard.start();
    }

    /** The schema must be current already (and the database reachable). */
    @Override
    public void openForCommand() {
        SchemaGuard.requireCurrent(writes);
    }

    @Override
    public long replayAfterUncleanStop() {
        return 0;
    }

    @Override
    public HealthCheck health() {
        return Storage.health(reads, writes, schemaGuard);
    }
}
