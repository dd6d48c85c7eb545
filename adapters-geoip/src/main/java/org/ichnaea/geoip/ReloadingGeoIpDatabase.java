package org.ichnaea.geoip;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.ichnaea.core.geoip.GeoIpDatabase;
import org.ichnaea.core.geoip.GeoIpRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The GeoIP database in a file, reopened when the file changes, so an operator replaces the database without a
 * restart ({@code mv new.mmdb $GEOIP_PATH}).
 *
 * <p><b>When it looks.</b> Lookups (and {@link #isAvailable()}/{@link #description()}, which the heartbeat calls)
 * compare the clock with the next check time; at most once per check interval one caller reads the file's size,
 * modification time and file key (inode), about a microsecond. There is no background thread: nothing to start,
 * stop or leak in tests and embedders, and an idle server has nothing to reload. The cost lands on the one request
 * that finds the file changed: opening maps the file and reads its metadata (milliseconds), while other requests go
 * on with the old database.
 *
 * <p><b>How it swaps.</b> A changed file that opens as a City database replaces the old one atomically (one
 * reference). A changed file that does not open (corrupt, half-copied, wrong type, deleted) leaves the old database
 * in place and logs one WARN line; it is tried again when it changes again. If no database was loaded at start-up,
 * the first good file to appear is loaded.
 *
 * <p><b>Closing the old reader.</b> A lookup may have fetched the old database just before the swap. The old reader is
 * therefore closed only at the first check at least {@link #RETIRED_READER_GRACE} after the swap, and a lookup that
 * still meets a closed reader is retried on the current database. (Closing a maxmind-db reader only drops its
 * reference to the mapped buffer; the mapping is released when the garbage collector finds it unreachable, so a
 * lookup already running on it is never cut off.)
 */
public final class ReloadingGeoIpDatabase implements GeoIpDatabase, Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(ReloadingGeoIpDatabase.class);

    /** How long a replaced reader stays open for lookups that fetched it before the swap. */
    public static final Duration RETIRED_READER_GRACE = Duration.ofSeconds(10);

    private final Path file;
    private final long checkIntervalMillis;
    private final Clock clock;
    private final AtomicReference<Loaded> loaded;
    private final AtomicLong nextCheckMillis;
    private final ReentrantLock checking = new ReentrantLock();
    private final Deque<Retired> retired = new ArrayDeque<>(); // guarded by checking
    private volatile boolean closed;

    /**
     * Opens the file now (a bad or missing file gives an unavailable database and one WARN line, never an exception)
     * and looks at it again at most once per {@code checkInterval}; {@link Duration#ZERO} checks on every call.
     */
    public ReloadingGeoIpDatabase(Path file, Duration checkInterval, Clock clock) {
        this.file = Objects.requireNonNull(file, "file");
        if (checkInterval.isNegative()) {
            throw new IllegalArgumentException("negative check interval: " + checkInterval);
        }
        this.checkIntervalMillis = checkInterval.toMillis();
        this.clock = Objects.requireNonNull(clock, "clock");
        FileStamp stamp = FileStamp.of(file); // before opening: a change in between is seen at the next check
        this.loaded = new AtomicReference<>(new Loaded(GeoIpDatabases.open(file), stamp));
        this.nextCheckMillis = new AtomicLong(clock.millis() + checkIntervalMillis);
    }

    @Override
    public Optional<GeoIpRecord> lookup(InetAddress address) {
        maybeCheck();
        GeoIpDatabase database = loaded.get().database();
        try {
            return database.lookup(address);
        } catch (GeoIpDatabaseException e) {
            // Either the reader was swapped and closed under this lookup, or the file was overwritten in place:
            // look at the file now rather than at the next check, and answer from the database that is current.
            if (loaded.get().database() == database && checking.tryLock()) {
                try {
                    check();
                } finally {
                    checking.unlock();
                }
            }
            // A database swapped in meanwhile may itself be swapped and closed under the retry (reloads in quick
            // succession): follow the current one a few times, as long as it keeps changing.
            GeoIpDatabase previous = database;
            for (int attempt = 0; attempt < 8; attempt++) {
                GeoIpDatabase current = loaded.get().database();
                if (current == previous) {
                    break;
                }
                try {
                    return current.lookup(address);
                } catch (GeoIpDatabaseException again) {
                    previous = current;
                }
            }
            throw e;
        }
    }

    @Override
    public boolean isAvailable() {
        maybeCheck();
        return loaded.get().database().isAvailable();
    }

    @Override
    public String description() {
        maybeCheck();
        return loaded.get().database().description();
    }

    /** The database answering now: a {@link MaxMindGeoIpDatabase}, or a null database saying why there is none. */
    public GeoIpDatabase current() {
        return loaded.get().database();
    }

    /** The status of the database answering now (without looking at the file). */
    @Override
    public Status status() {
        return current().status();
    }

    public Path file() {
        return file;
    }

    /** Looks at the file now, whatever the interval. True when a new database was swapped in. */
    public boolean reloadIfChanged() {
        checking.lock();
        try {
            return check();
        } finally {
            checking.unlock();
        }
    }

    private void maybeCheck() {
        long now = clock.millis();
        long next = nextCheckMillis.get();
        if (now < next || closed || !nextCheckMillis.compareAndSet(next, now + checkIntervalMillis)) {
            return;
        }
        if (checking.tryLock()) {
            try {
                check();
            } finally {
                checking.unlock();
            }
        }
    }

    /** Runs under {@code checking}. */
    private boolean check() {
        if (closed) {
            return false;
        }
        closeRetiredReaders(clock.millis());
        Loaded current = loaded.get();
        FileStamp stamp = FileStamp.of(file);
        if (stamp.equals(current.stamp())) {
            return false;
        }
        MaxMindGeoIpDatabase fresh;
        try {
            fresh = MaxMindGeoIpDatabase.open(file);
        } catch (GeoIpDatabaseException e) {
            if (current.database().isAvailable()) {
                LOG.warn("GeoIP database {} changed but cannot be used, keeping {}: {}", file,
                        current.database().description(), e.getMessage());
                loaded.set(new Loaded(current.database(), stamp));
            } else {
                LOG.warn("GeoIP database still not loaded from {}, GeoIP lookups will miss: {}", file,
                        e.getMessage());
                loaded.set(new Loaded(GeoIpDatabases.unavailable(e.getMessage()), stamp));
            }
            return false;
        }
        loaded.set(new Loaded(fresh, stamp));
        LOG.info("GeoIP database reloaded from {}: {} (was: {})", file, fresh.description(),
                current.database().description());
        if (current.database() instanceof MaxMindGeoIpDatabase old) {
            retired.add(new Retired(old, clock.millis() + RETIRED_READER_GRACE.toMillis()));
        }
        return true;
    }

    private void closeRetiredReaders(long nowMillis) {
        while (!retired.isEmpty() && retired.peekFirst().closeAtMillis() <= nowMillis) {
            retired.pollFirst().database().close();
        }
    }

    /** Closes the current and any replaced reader; later lookups miss. */
    @Override
    public void close() {
        checking.lock();
        try {
            closed = true;
            Loaded last = loaded.getAndSet(new Loaded(GeoIpDatabases.unavailable("closed"), FileStamp.MISSING));
            if (last.database() instanceof MaxMindGeoIpDatabase database) {
                database.close();
            }
            closeRetiredReaders(Long.MAX_VALUE);
        } finally {
            checking.unlock();
        }
    }

    @Override
    public String toString() {
        return "reloading " + file + ": " + loaded.get().database().description();
    }

    private record Loaded(GeoIpDatabase database, FileStamp stamp) {
    }

    private record Retired(MaxMindGeoIpDatabase database, long closeAtMillis) {
    }

    /** What tells a replaced file apart: size, modification time and file key (the inode, which a rename changes). */
    private record FileStamp(long size, FileTime modified, Object fileKey) {

        static final FileStamp MISSING = new FileStamp(-1, null, null);

        static FileStamp of(Path file) {
            try {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                return new FileStamp(attributes.size(), attributes.lastModifiedTime(), attributes.fileKey());
            } catch (IOException e) {
                return MISSING;
            }
        }
    }
}
