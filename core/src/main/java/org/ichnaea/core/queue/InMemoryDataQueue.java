package org.ichnaea.core.queue;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A queue in memory: nothing survives the process. Claims are leased and owned as in the durable queues;
 * {@link #handle} gives another consumer's view of the same items.
 */
public final class InMemoryDataQueue<T> implements DataQueue<T> {

    private final Deque<T> items;
    private final Map<Object, Held<T>> claimed;
    /** Every handle on the same items synchronizes on this. */
    private final Object lock;
    private final Duration lease;
    private final String owner;

    private static final class Held<T> {
        final List<T> items;
        final String owner;
        long deadline;

        Held(List<T> items, String owner, long deadline) {
            this.items = items;
            this.owner = owner;
            this.deadline = deadline;
        }
    }

    public InMemoryDataQueue() {
        this(Leases.DEFAULT_LEASE);
    }

    /** A queue whose claims expire after {@code lease} without renewal. */
    public InMemoryDataQueue(Duration lease) {
        this(new ArrayDeque<>(), new LinkedHashMap<>(), new Object(), lease, QueueOwner.self());
    }

    private InMemoryDataQueue(Deque<T> items, Map<Object, Held<T>> claimed, Object lock, Duration lease,
                              String owner) {
        this.items = items;
        this.claimed = claimed;
        this.lock = lock;
        this.lease = lease;
        this.owner = owner;
    }

    /** Another handle on the same items, whose claims belong to {@code owner} and last {@code lease}. */
    public InMemoryDataQueue<T> handle(String owner, Duration lease) {
        return new InMemoryDataQueue<>(items, claimed, lock, lease, owner);
    }

    @Override
    public void enqueue(List<T> toAdd) {
        for (T item : toAdd) {
            if (item == null) {
                throw new IllegalArgumentException("queues hold no null items");
            }
        }
        synchronized (lock) {
            items.addAll(toAdd);
        }
    }

    @Override
    public List<T> dequeue(int max) {
        synchronized (lock) {
            return take(max);
        }
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
    public long size() {
        synchronized (lock) {
            long n = items.size();
            for (Held<T> held : claimed.values()) {
                n += held.items.size();
            }
            return n;
        }
    }

    @Override
    public Claim<T> claim(int max) {
        synchronized (lock) {
            List<T> taken = List.copyOf(take(max));
            Object id = new Object();
            if (!taken.isEmpty()) {
                claimed.put(id, new Held<>(taken, owner, System.nanoTime() + lease.toNanos()));
            }
            return new MemoryClaim(id, taken);
        }
    }

    @Override
    public long recover() {
        synchronized (lock) {
            return recoverLocked();
        }
    }

    private long recoverLocked() {
        long now = System.nanoTime();
        long back = 0;
        for (Iterator<Held<T>> it = claimed.values().iterator(); it.hasNext(); ) {
            Held<T> held = it.next();
            if (now - held.deadline > 0 || QueueOwner.isDeadLocal(held.owner)) {
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
            synchronized (lock) {
                claimed.remove(id);
            }
        }

        @Override
        public void release() {
            Leases.forget(this);
            synchronized (lock) {
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
            synchronized (lock) {
                Held<T> held = claimed.get(id);
                if (held != null) {
                    held.deadline = System.nanoTime() + lease.toNanos();
                }
            }
        }
    }
}
