package org.ichnaea.http.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.ichnaea.core.datamap.TileImage;
import org.ichnaea.core.datamap.TileStore;

/**
 * The coverage tiles as the web site serves them ({@link Site}, docs/site.md): a directory of slippy-map PNG files
 * {@code {z}/{x}/{y}.png}, the double-resolution {@code 0/0/0@2x.png} for the front page, and {@code data.json}
 * ({@code {"updated": instant, "cells": n, "tiles": n}}). Each tile is an 8-bit palette PNG ({@link PalettePng}).
 *
 * <p>Publication: a set goes into a fresh sibling directory {@code <tiles>.new}, {@code data.json} last as the mark of
 * a complete set; then {@code <tiles>} is renamed to {@code <tiles>.old}, {@code <tiles>.new} to {@code <tiles>}, and
 * the old set deleted. A web server never sees a half-written file, and tiles without data any more disappear with
 * the old set; between the two renames (microseconds) {@code <tiles>} is missing. After a crash the next set first
 * restores {@code <tiles>} from the complete new set or else the old one. One set at a time per directory, also
 * across processes (the {@code process} command beside a running {@code serve}): a file lock {@code <tiles>.lock}
 * beside it is held from {@link #begin()} to {@link TileSet#close()}.
 */
public final class TileDirectory implements TileStore {

    private static final String DATA_JSON = "data.json";

    private final Path target;
    private final Path fresh;
    private final Path old;

    /** Tiles published as {@code tilesDir} (created with its parents if missing). */
    public TileDirectory(Path tilesDir) {
        this.target = tilesDir.toAbsolutePath().normalize();
        this.fresh = sibling(target, ".new");
        this.old = sibling(target, ".old");
    }

    @Override
    public TileSet begin() {
        FileChannel lockFile = null;
        try {
            Files.createDirectories(target.getParent());
            lockFile = FileChannel.open(sibling(target, ".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = lockFile.lock();
            recover(target, fresh, old);
            Files.createDirectories(fresh);
            return new Writing(lockFile, lock);
        } catch (IOException | RuntimeException e) {
            closeQuietly(lockFile, e);
            throw e instanceof IOException io ? failure(io) : (RuntimeException) e;
        }
    }

    /** A set being written into {@code <tiles>.new}. */
    private final class Writing implements TileSet {
        private final FileChannel lockFile;
        private final FileLock lock;
        private final ConcurrentHashMap<Long, Path> columns = new ConcurrentHashMap<>();
        private final Queue<PalettePng> encoders = new ConcurrentLinkedQueue<>();
        private boolean closed;

        Writing(FileChannel lockFile, FileLock lock) {
            this.lockFile = lockFile;
            this.lock = lock;
        }

        @Override
        public void put(TileImage tile) {
            PalettePng png = encoders.poll();
            if (png == null) {
                png = new PalettePng();
            }
            try {
                byte[] bytes = png.encode(tile);
                Path column = columns.computeIfAbsent((long) tile.zoom() << 32 | tile.x(),
                        key -> createDirectories(fresh.resolve(Integer.toString(tile.zoom()))
                                .resolve(Integer.toString(tile.x()))));
                String suffix = tile.scale() == 1 ? "" : "@" + tile.scale() + "x";
                Files.write(column.resolve(tile.y() + suffix + ".png"), bytes);
            } catch (IOException e) {
                throw failure(e);
            } finally {
                encoders.add(png);
            }
        }

        @Override
        public void publish(Summary summary) {
            String json = "{\"updated\": \"" + summary.updated() + "\", \"cells\": " + summary.cells()
                    + ", \"tiles\": " + summary.tiles() + "}\n";
            try {
                writeAtomically(fresh.resolve(DATA_JSON), json.getBytes(StandardCharsets.UTF_8));
                swap();
            } catch (IOException e) {
                throw failure(e);
            }
        }

        @Override
        public synchronized void close() {
            if (closed) {
                return;
            }
            closed = true;
            for (PalettePng png; (png = encoders.poll()) != null; ) {
                png.close();
            }
            try (lockFile) {
                lock.release();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot release the lock of " + target, e);
            }
        }
    }

    private UncheckedIOException failure(IOException e) {
        return new UncheckedIOException("cannot render datamap tiles into " + target, e);
    }

    private static void closeQuietly(FileChannel channel, Exception failure) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                failure.addSuppressed(e);
            }
        }
    }

    private static Path sibling(Path target, String suffix) {
        return target.resolveSibling(target.getFileName() + suffix);
    }

    /**
     * Undoes an interrupted earlier render: with {@code target} missing, the complete new set (it has
     * {@code data.json}) or else the old set becomes {@code target}; leftovers are deleted.
     */
    static void recover(Path target, Path fresh, Path old) throws IOException {
        if (!Files.exists(target)) {
            if (Files.isRegularFile(fresh.resolve(DATA_JSON))) {
                Files.move(fresh, target, StandardCopyOption.ATOMIC_MOVE);
            } else if (Files.isDirectory(old)) {
                Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
            }
        }
        deleteTree(fresh);
        deleteTree(old);
    }

    /**
     * Swaps the new set in, then deletes the old one a tile column per task on as many threads as processors
     * (unlinking is most of a re-render).
     */
    private void swap() throws IOException {
        if (Files.exists(target)) {
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(fresh, target, StandardCopyOption.ATOMIC_MOVE);
        if (!Files.isDirectory(old)) {
            return;
        }
        List<Callable<Void>> deletions = new ArrayList<>();
        try (Stream<Path> zooms = Files.list(old)) {
            for (Path zoom : zooms.filter(Files::isDirectory).toList()) {
                try (Stream<Path> columns = Files.list(zoom)) {
                    columns.forEach(column -> deletions.add(() -> {
                        deleteTree(column);
                        return null;
                    }));
                }
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()),
                runnable -> {
                    Thread thread = new Thread(runnable, "datamap-tiles-delete");
                    thread.setDaemon(true);
                    return thread;
                });
        try {
            for (Future<Void> deletion : pool.invokeAll(deletions)) {
                deletion.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while deleting " + old, e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException("cannot delete " + old, e.getCause());
        } finally {
            pool.shutdownNow();
        }
        deleteTree(old);
    }

    private static void writeAtomically(Path file, byte[] content) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(temp, content);
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static Path createDirectories(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
