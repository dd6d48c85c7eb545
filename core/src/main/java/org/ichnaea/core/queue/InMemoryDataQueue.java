package org.ichnaea.core.queue;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A queue in memory: nothing survives the process. Claims are leased as in the durable queues. */
public final class InMemoryDataQueue<T> implements DataQueue<T> {

    private final Deque<T> items = new ArrayDeque<>();
    private final Map<Object, Held<T>> claimed = new LinkedHashMap<>();
    private final Duration lease;

    private static final class Held<T> {
        final List<T> items;
        long deadline;

        Held(List<T> items, long deadline) {
            this.items = items;
            this.deadline = deadline;
        }
    }

    public InMemoryDataQueue() {
        this(Leases.DEFAULT_LEASE);
    }

    /** A queue whose claims expire after {@code lease} without renewal. */
    public InMemoryDataQueue(Duration lease) {
        this.lease = lease;
    }

    @Override
    public synchronized void enqueue(List<T> toAdd) {
        for (T item : toAdd) {
            if (item == null) {
                throw new IllegalArgumentException("queues hold no null items");
            }
        }
        items.addAll(toAdd);
    }

    @Override
    public synchronized List<T> dequeue(int max) {
        return take(max);
    }

    private List<T> take(int max) {
        if (max <= 0) {
            throw new IllegalArgumentException("dequeue takes a positive count, not " + max);
        }
        List<T> out = new ArrayList<>(Math.min(max, items.size()));
        while (out.size() < max && !items.isEmpty()) {
            out.add(items.pollFirst());
        }
        return out;
    }

    @Override
    public synchronized long size() {
        long n = items.size();
        for (Held<T> held : claimed.values()) {
            n += held.items.size();
        }
        return n;
    }

    @Override
    public synchronized Claim<T> claim(int max) {
        List<T> taken = List.copyOf(take(max));
        Object id = new Object();
        if (!taken.isEmpty()) {
            claimed.put(id, new Held<>(taken, System.nanoTime() + lease.toNanos()));
        }
        return new MemoryClaim(id, taken);
    }

    @Override
    public synchronized long recover() {
        long now = System.nanoTime();
        long back = 0;
        for (Iterator<Held<T>> it = claimed.values().iterator(); it.hasNext(); ) {
            Held<T> held = it.next();
            if (now - held.deadline > 0) {
                items.addAll(held.items);
                back += held.items.size();
                it.remove();
            }
        }
        return back;
    }

    private final class MemoryClaim implements Claim<T>, Leases.Renewable {
        private final Object id;
        private final List<T> taken;

        MemoryClaim(Object id, List<T> taken) {
            this.id = id;
            this.taken = taken;
            if (!taken.isEmpty()) {
                Leases.keep(this, lease);
            }
        }

        @Override
        public List<T> items() {
            return taken;
        }

        @Override
        public void ack() {
            Leases.forget(this);
            synchronized (InMemoryDataQueue.this) {
                claimed.remove(id);
            }
        }

        @Override
        public void release() {
            Leases.forget(this);
            synchronized (InMemoryDataQueue.this) {
                Held<T> held = claimed.remove(id);
                if (held != null) {
                    items.addAll(held.items);
                }
            }
        }

        @Override
        public void close() {
            release();
        }

        @Override
        public void renew() {
            synchronized (InMemoryDataQueue.this) {
                Held<T> held = claimed.get(id);
                if (held != null) {
                    held.deadline = System.nanoTime() + lease.toNanos();
                }
            }
        }
    }
}
