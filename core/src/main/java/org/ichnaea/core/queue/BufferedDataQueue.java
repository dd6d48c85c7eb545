package org.ichnaea.core.queue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A write-behind buffer in front of another queue, for data that may be late but should not cost the request path
 * a database write each (query observations, docs/algorithms.md §10): enqueue appends to memory and a
 * background thread moves batches to the target every {@code flushEvery} or as soon as {@code batch} items wait.
 * At most {@code capacity} items are held; beyond that new items are refused and counted (logged), never queued
 * silently. {@link #close()} flushes what is left. Submissions do not go through it: they must be durable when the
 * client gets its answer.
 */
public final class BufferedDataQueue<T> implements DataQueue<T>, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BufferedDataQueue.class);

    private final DataQueue<T> target;
    private final int batch;
    private final int capacity;
    private final long flushEveryMillis;
    private final Thread flusher;
    private List<T> buffer = new ArrayList<>();
    private long refused;
    private boolean closed;

    public BufferedDataQueue(DataQueue<T> target, int batch, int capacity, Duration flushEvery, String name) {
        this.target = target;
        this.batch = batch;
        this.capacity = capacity;
        this.flushEveryMillis = flushEvery.toMillis();
        this.flusher = new Thread(this::run, "queue-flush-" + name);
        this.flusher.setDaemon(true);
        this.flusher.start();
    }

    @Override
    public void enqueue(List<T> items) {
        synchronized (this) {
            if (closed) {
                target.enqueue(items);
                return;
            }
            int room = capacity - buffer.size();
            if (items.size() > room) {
                long before = refused;
                refused += items.size() - Math.max(room, 0);
                if (before / 1000 != refused / 1000 || before == 0) {
                    LOG.warn("write-behind buffer full ({} items): {} items refused so far", capacity, refused);
                }
                buffer.addAll(items.subList(0, Math.max(room, 0)));
            } else {
                buffer.addAll(items);
            }
            if (buffer.size() >= batch) {
                notifyAll();
            }
        }
    }

    /** How many items the buffer refused because it was full. */
    public synchronized long refused() {
        return refused;
    }

    @Override
    public List<T> dequeue(int max) {
        flush();
        return target.dequeue(max);
    }

    @Override
    public Claim<T> claim(int max) {
        flush();
        return target.claim(max);
    }

    @Override
    public long recover() {
        return target.recover();
    }

    @Override
    public long size() {
        synchronized (this) {
            return target.size() + buffer.size();
        }
    }

    /** Moves everything buffered to the target now; answers false when the target refused them. */
    public boolean flush() {
        List<T> items;
        synchronized (this) {
            if (buffer.isEmpty()) {
                return true;
            }
            items = buffer;
            buffer = new ArrayList<>();
        }
        try {
            target.enqueue(items);
            return true;
        } catch (RuntimeException e) {
            synchronized (this) {
                // Put them back in front, within capacity; the next flush retries.
                List<T> back = new ArrayList<>(items.subList(0, Math.min(items.size(), capacity)));
                back.addAll(buffer.subList(0, Math.min(buffer.size(), capacity - back.size())));
                refused += items.size() + buffer.size() - back.size();
                buffer = back;
            }
            LOG.warn("flushing {} buffered items failed, retrying later: {}", items.size(), e.toString());
            return false;
        }
    }

    private void run() {
        while (true) {
            synchronized (this) {
                if (closed) {
                    return;
                }
                if (buffer.size() < batch) {
                    try {
                        wait(flushEveryMillis);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
            if (!flush()) {
                // The target is down: wait a whole period before trying again, not in a busy loop.
                synchronized (this) {
                    try {
                        wait(flushEveryMillis);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        try {
            flusher.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flush();
    }
}
