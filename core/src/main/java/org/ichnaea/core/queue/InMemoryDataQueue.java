package org.ichnaea.core.queue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** A queue in memory: nothing survives the process. */
public final class InMemoryDataQueue<T> implements DataQueue<T> {

    private final Deque<T> items = new ArrayDeque<>();

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
        return items.size();
    }
}
