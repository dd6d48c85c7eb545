package org.ichnaea.mysql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.ichnaea.core.queue.QueueOwner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells whether a process that had the embedded database open stopped without closing it ({@code kill -9}, a crash,
 * a power cut): H2 may then have lost commits it had synced (docs/reliability.md), and what the pipeline applied
 * shortly before must be applied again. Each process that opens the database leaves a marker file named after
 * itself in {@code ICHNAEA_DATA_DIR/processes/} and deletes it once the database closed cleanly; a marker of a
 * process of this host that no longer runs is an unclean stop.
 */
public final class UncleanStops implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(UncleanStops.class);

    private final Path dir;
    private final Path own;
    private boolean closed;

    private UncleanStops(Path dir, Path own) {
        this.dir = dir;
        this.own = own;
    }

    /** Leaves this process's marker in {@code dataDir/processes/}. */
    public static UncleanStops register(Path dataDir) {
        Path dir = dataDir.resolve("processes");
        String owner = QueueOwner.self();
        Path own = dir.resolve(fileName(owner));
        try {
            Files.createDirectories(dir);
            Files.writeString(own, owner + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the process marker " + own, e);
        }
        return new UncleanStops(dir, own);
    }

    private static String fileName(String owner) {
        return owner.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** Whether a process stopped without closing the database (nothing is taken away). */
    public synchronized boolean anyUncleanStop() {
        return !deadMarkers().isEmpty();
    }

    /**
     * The processes that stopped without closing the database since the last call (by any process): their markers
     * are taken away, so each unclean stop is answered once.
     */
    public synchronized List<String> takeUncleanStops() {
        List<String> stopped = new ArrayList<>();
        deadMarkers().forEach((marker, owner) -> {
            try {
                if (Files.deleteIfExists(marker)) {
                    stopped.add(owner);
                }
            } catch (IOException e) {
                LOG.warn("cannot delete the process marker {}: {}", marker, e.toString());
            }
        });
        return stopped;
    }

    /** The markers of processes of this host that no longer run, with their owners. */
    private Map<Path, String> deadMarkers() {
        Map<Path, String> dead = new LinkedHashMap<>();
        List<Path> markers;
        try (Stream<Path> files = Files.list(dir)) {
            markers = files.filter(p -> !p.equals(own) && !p.getFileName().toString().endsWith(".tmp")).toList();
        } catch (IOException e) {
            LOG.warn("cannot list the process markers in {}: {}", dir, e.toString());
            return dead;
        }
        for (Path marker : markers) {
            try {
                String owner = Files.readString(marker, StandardCharsets.UTF_8).trim();
                if (QueueOwner.isDeadLocal(owner)) {
                    dead.put(marker, owner);
                }
            } catch (IOException e) {
                // taken away by another process meanwhile
            }
        }
        return dead;
    }

    /** The database closed cleanly: this process's marker goes. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Files.deleteIfExists(own);
        } catch (IOException e) {
            LOG.warn("cannot delete the process marker {}: {}", own, e.toString());
        }
    }
}
