package org.ichnaea.app;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.ichnaea.core.StoreUnavailableException;
import org.ichnaea.mysql.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The schema check of {@code serve}, {@code web} and {@code worker} on MariaDB/MySQL, which never change the schema
 * (decisions/014): only {@code migrate} does. At start a schema older than this version needs stops the process with
 * a message that says to run {@code migrate}; a database that cannot be reached (or does not answer within
 * {@link #START_WAIT}) does not: the process starts with its pools refusing (locate answers from GeoIP, the jobs fail and retry at their next tick) and reads the schema again
 * every {@link #RETRY} until it answers. Then a current schema opens the pools; an older one is logged at ERROR, again
 * every {@link #REPEAT} while it lasts, and keeps them refusing, until {@code migrate} has run (checked every
 * {@link #RETRY_OLDER}), with no restart either way.
 */
final class SchemaGuard implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaGuard.class);

    /** How long start-up waits for the first reading of the schema before it goes on without the database. */
    static final Duration START_WAIT = Duration.ofSeconds(3);
    /** How often the schema is read while the database cannot be reached. */
    static final Duration RETRY = Duration.ofSeconds(1);
    /** How often it is read again while it is older than needed (waiting for {@code migrate}). */
    static final Duration RETRY_OLDER = Duration.ofSeconds(5);
    /** How often the ERROR about an older schema is repeated while it lasts. */
    static final Duration REPEAT = Duration.ofMinutes(1);

    private final Database schema;
    private final List<Database> pools;
    private final ScheduledExecutorService watcher;
    /** Null while the pools are open; otherwise why they refuse (also the heartbeat's {@code schema} field). */
    private volatile String problem;
    private volatile String version;
    private long lastError;

    /**
     * @param schema the pool whose database holds the schema (the read-write one)
     * @param pools  the pools to keep closed until the schema is known to be current
     */
    SchemaGuard(Database schema, List<Database> pools) {
        this.schema = schema;
        this.pools = pools;
        this.watcher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "ichnaea-schema-check");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Reads the schema once: current, the pools open; unreachable, they refuse and the schema is read again in the
     * background.
     *
     * @throws SchemaTooOldException when the schema is older than this version needs
     */
    void start() {
        refuse("the database has not answered since this process started, its schema is not checked yet");
        // On the pool's own connection timeout (10 s for the read-write pool) a dead database would hold start-up.
        Future<Database.SchemaStatus> first = watcher.submit(schema::schemaStatus);
        Database.SchemaStatus status;
        try {
            status = first.get(START_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            if (!(cause instanceof StoreUnavailableException) && !(cause instanceof TimeoutException)) {
                throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
            }
            LOG.warn("database unreachable at start, running without it (locate answers from GeoIP, the jobs retry); "
                    + "its schema is read again every {} s: {}", RETRY.toSeconds(), cause instanceof TimeoutException
                    ? "no answer within " + START_WAIT.toSeconds() + " s" : cause.getMessage());
            watcher.schedule(this::check, RETRY.toMillis(), TimeUnit.MILLISECONDS);
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the schema version", e);
        }
        if (status.isOlder()) {
            throw new SchemaTooOldException(message(status));
        }
        open(status);
    }

    /** Checks that the schema is current once, without watching: the CLI's commands other than {@code migrate}. */
    static void requireCurrent(Database schema) {
        Database.SchemaStatus status = schema.schemaStatus();
        if (status.isOlder()) {
            throw new SchemaTooOldException(message(status));
        }
    }

    /** Why the pools refuse now, or null when they are open. */
    String problem() {
        return problem;
    }

    /** The schema version last read, or null before one was read. */
    String version() {
        return version;
    }

    private void check() {
        Database.SchemaStatus status;
        try {
            status = schema.schemaStatus();
        } catch (StoreUnavailableException e) {
            LOG.debug("database still unreachable: {}", e.getMessage());
            reschedule(RETRY);
            return;
        }
        version = status.current();
        if (status.isOlder()) {
            String message = message(status);
            long now = System.nanoTime();
            if (!message.equals(problem) || now - lastError >= REPEAT.toNanos()) {
                LOG.error("{}; this process does no database work until then", message);
                lastError = now;
            }
            refuse(message);
            reschedule(RETRY_OLDER);
            return;
        }
        open(status);
    }

    private void reschedule(Duration delay) {
        try {
            watcher.schedule(this::check, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            // closed
        }
    }

    private void open(Database.SchemaStatus status) {
        version = status.current();
        boolean wasRefusing = problem != null;
        problem = null;
        pools.forEach(Database::accept);
        if (wasRefusing) {
            LOG.info("database reachable, schema at version {}: using it", status.current());
        }
    }

    private void refuse(String reason) {
        problem = reason;
        pools.forEach(pool -> pool.refuse(reason));
    }

    static String message(Database.SchemaStatus status) {
        return "the database schema is at version " + status.current() + ", this version of Ichnaea needs "
                + status.required() + " (" + status.pending() + " migration" + (status.pending() == 1 ? "" : "s")
                + " pending): run `java -jar ichnaea.jar migrate` (as a user allowed to change the schema) first";
    }

    @Override
    public void close() {
        watcher.shutdownNow();
    }

    /** The schema is older than this version needs: run {@code migrate}. */
    static final class SchemaTooOldException extends RuntimeException {
        SchemaTooOldException(String message) {
            super(message);
        }
    }
}
