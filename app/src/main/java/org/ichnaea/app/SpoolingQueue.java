package org.ichnaea.app;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Stream;
import org.ichnaea.core.StoreUnavailableException;
import org.ichnaea.core.queue.DataQueue;
import org.ichnaea.core.queue.ForwardingDataQueue;
import org.ichnaea.core.queue.UnconfirmedWriteException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The submit path's queue when the queue is Redis: an enqueue whose outcome is unknown (the command was sent and no
 * answer came within the timeout: a frozen Redis may still run it when it wakes) goes to a spool file under the
 * data directory instead, written aside, synced and renamed into place, and the client gets its 200 rather than a
 * 503 for a report that may well be stored. A Redis that cannot be reached at all (nothing was sent) still gives
 * 503, so the client keeps its data (the outage table in docs/architecture.md). A write stored on a Redis master that
 * no replica confirmed in time ({@code REDIS_WAIT_REPLICAS}) is spooled too: a failover could lose it. A daemon thread moves spooled files into
 * Redis once it answers again, oldest first, and deletes each file only after its enqueue succeeded. A report that
 * reaches Redis twice (the timed-out write ran after all) is applied once by its id (decisions/010). Only when the
 * spool cannot be written either does the submission fail (503). The spool is local to this web process's host:
 * files left by a process that died are moved by the next one started on the same data directory.
 */
final class SpoolingQueue<T> extends ForwardingDataQueue<T> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SpoolingQueue.class);
    private static final String SUFFIX = ".spool";

    private final Path dir;
    private final Function<T, byte[]> encode;
    private final Function<byte[], T> decode;
    private final AtomicLong spooled = new AtomicLong();
    private final java.util.function.Predicate<StoreUnavailableException> maybeStored;
    private final Thread mover;
    private volatile boolean closed;

    SpoolingQueue(DataQueue<T> target, Path dir, Function<T, byte[]> encode, Function<byte[], T> decode,
                  long everyMillis) {
        this(target, dir, encode, decode, everyMillis, SpoolingQueue::maybeStored);
    }

    SpoolingQueue(DataQueue<T> target, Path dir, Function<T, byte[]> encode, Function<byte[], T> decode,
                  long everyMillis, java.util.function.Predicate<StoreUnavailableException> maybeStored) {
        super(target);
        this.maybeStored = maybeStored;
        this.dir = dir;
        this.encode = encode;
        this.decode = decode;
        this.mover = new Thread(() -> run(everyMillis), "ichnaea-spool");
        this.mover.setDaemon(true);
        this.mover.start();
    }

    @Override
    public void enqueue(List<T> items) {
        try {
            delegate.enqueue(items);
        } catch (StoreUnavailableException e) {
            if (!maybeStored.test(e)) {
                throw e;
            }
            try {
                spool(items);
                LOG.warn("queue write failed ({}); {} items spooled to {}", e.getMessage(), items.size(), dir);
            } catch (IOException io) {
                e.addSuppressed(io);
                throw e;
            }
        }
    }

    /**
     * Whether a failed write may have reached the server: a read that timed out after the command was sent, or a
     * write no replica confirmed (REDIS_WAIT_REPLICAS). A refused or timed-out connection, or no free pooled
     * connection, sent nothing.
     */
    static boolean maybeStored(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnconfirmedWriteException) {
                return true; // stored on a Redis master that no replica confirmed: a failover may lose it
            }
            if (t instanceof java.net.SocketTimeoutException timeout) {
                String message = timeout.getMessage() == null ? "" : timeout.getMessage().toLowerCase(
                        java.util.Locale.ROOT);
                return !message.contains("connect");
            }
        }
        return false;
    }

    private Path spool(List<T> items) throws IOException {
        Files.createDirectories(dir);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(items.size());
            for (T item : items) {
                byte[] encoded = encode.apply(item);
                out.writeInt(encoded.length);
                out.write(encoded);
            }
        }
        // Names sort by time, so files move in the order they were written.
        String name = String.format("%020d-%s", System.nanoTime() - Long.MIN_VALUE / 2, UUID.randomUUID());
        Path tmp = dir.resolve(name + ".tmp");
        try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes.toByteArray());
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        Path file = dir.resolve(name + SUFFIX);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        spooled.addAndGet(items.size());
        return file;
    }

    private List<T> read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file); DataInputStream data = new DataInputStream(in)) {
            int n = data.readInt();
            List<T> items = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                byte[] encoded = new byte[data.readInt()];
                data.readFully(encoded);
                items.add(decode.apply(encoded));
            }
            return items;
        }
    }

    /** Moves every spooled file into the target; answers how many items moved. Stops at the first failure. */
    synchronized long moveAll() {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
        } catch (IOException e) {
            LOG.warn("cannot list the spool {}: {}", dir, e.toString());
            return 0;
        }
        long moved = 0;
        for (Path file : files) {
            List<T> items;
            try {
                items = read(file);
            } catch (IOException | RuntimeException e) {
                LOG.error("spool file {} is unreadable, kept aside as .bad: {}", file, e.toString());
                try {
                    Files.move(file, file.resolveSibling(file.getFileName() + ".bad"));
                } catch (IOException ignored) {
                    // left where it is; the next run tries again
                }
                continue;
            }
            try {
                delegate.enqueue(items);
            } catch (StoreUnavailableException e) {
                return moved; // still down: the next run retries, the file stays
            }
            try {
                Files.delete(file);
            } catch (IOException e) {
                LOG.warn("spool file {} moved but not deleted: {}", file, e.toString());
            }
            spooled.addAndGet(-items.size());
            moved += items.size();
        }
        if (moved > 0) {
            LOG.info("{} spooled items moved to the queue", moved);
        }
        return moved;
    }

    private void run(long everyMillis) {
        while (!closed) {
            try {
                moveAll();
                Thread.sleep(everyMillis);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("spool mover: {}", e.toString());
            }
        }
    }

    /** Items waiting in spool files written by this process. */
    long spooled() {
        return Math.max(0, spooled.get());
    }

    @Override
    public long size() {
        return delegate.size() + spooled();
    }

    @Override
    public void close() {
        closed = true;
        mover.interrupt();
        try {
            mover.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
