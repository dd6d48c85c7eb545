package org.ichnaea.core.queue;

import java.util.ArrayList;
import java.util.List;
import org.ichnaea.core.Uninterrupted;

/**
 * Shares one write of the queue below between the submissions that arrive while another write is under way (group
 * commit): the first caller writes its items; callers that come meanwhile wait, and the next of them writes all their
 * items in one {@link DataQueue#enqueue} (one Redis round trip, one append and {@code fsync} of the log queue). Each
 * caller still returns only once its own items are stored, and gets the write's exception when it fails, so a
 * failure is answered to every client whose items were in it (who sends them again: duplicates, never a loss).
 * A lone caller pays nothing extra: there is no timer and no thread, the waiting is only behind a write that is
 * already running (docs/benchmarks.md, "Web service under load").
 *
 * <p>Only {@link #enqueue} is grouped; the other operations go straight to the queue below.
 */
public final class GroupCommitQueue<T> extends ForwardingDataQueue<T> {

    /** The most items one shared write takes; a larger backlog of waiting callers is written in several. */
    static final int MAX_ITEMS = 5_000;

    private final Object lock = new Object();
    /** Guarded by {@link #lock}. */
    private List<Pending<T>> waiting = new ArrayList<>();
    /** Guarded by {@link #lock}. */
    private boolean writing;

    private static final class Pending<T> {
        final List<T> items;
        boolean done;
        RuntimeException failure;

        Pending(List<T> items) {
            this.items = items;
        }
    }

    public GroupCommitQueue(DataQueue<T> delegate) {
        super(delegate);
    }

    @Override
    public void enqueue(List<T> items) {
        if (items.isEmpty()) {
            return;
        }
        Pending<T> mine = new Pending<>(items);
        boolean interrupted = false;
        synchronized (lock) {
            waiting.add(mine);
        }
        try {
            while (true) {
                List<Pending<T>> batch;
                synchronized (lock) {
                    while (!mine.done && writing) {
                        try {
                            lock.wait();
                        } catch (InterruptedException e) {
                            // Our items may be in the write under way: wait for its answer all the same.
                            interrupted = true;
                        }
                    }
                    if (mine.done) {
                        finish(mine);
                        return;
                    }
                    batch = take();
                    writing = true;
                }
                // Usually our own items are in the batch; if older callers filled it, the loop writes again.
                write(batch);
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Takes the waiting callers, oldest first, up to {@link #MAX_ITEMS} items (at least one caller). */
    private List<Pending<T>> take() {
        List<Pending<T>> batch = new ArrayList<>();
        int count = 0;
        int i = 0;
        while (i < waiting.size() && (batch.isEmpty() || count + waiting.get(i).items.size() <= MAX_ITEMS)) {
            count += waiting.get(i).items.size();
            batch.add(waiting.get(i));
            i++;
        }
        waiting = new ArrayList<>(waiting.subList(i, waiting.size()));
        return batch;
    }

    /**
     * Writes the batch and answers every caller in it. Never throws: a failure of any kind becomes each caller's
     * answer (an {@link Error} wrapped), so the writing caller goes on to its own answer like the others. The
     * writer's interrupt flag is cleared for the write (an interrupted thread would close the log queue's file
     * channel under every caller of the batch) and set again after it.
     */
    private void write(List<Pending<T>> batch) {
        RuntimeException failure = null;
        try {
            if (batch.size() == 1) {
                Uninterrupted.run(() -> delegate.enqueue(batch.get(0).items));
            } else {
                List<T> all = new ArrayList<>();
                for (Pending<T> p : batch) {
                    all.addAll(p.items);
                }
                Uninterrupted.run(() -> delegate.enqueue(all));
            }
        } catch (RuntimeException e) {
            failure = e;
        } catch (Throwable e) {
            failure = new IllegalStateException("queue write failed: " + e, e);
        } finally {
            synchronized (lock) {
                for (Pending<T> p : batch) {
                    p.failure = failure;
                    p.done = true;
                }
                writing = false;
                lock.notifyAll();
            }
        }
    }

    /** Callers waiting for a write, for tests. */
    int waiting() {
        synchronized (lock) {
            return waiting.size();
        }
    }

    private static <T> void finish(Pending<T> p) {
        if (p.failure != null) {
            throw p.failure;
        }
    }
}
