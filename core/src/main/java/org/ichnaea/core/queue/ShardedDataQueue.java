package org.ichnaea.core.queue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.ichnaea.core.StoreUnavailableException;

/**
 * One queue spread over several (docs/storage.md "Queue shards"), so that no single key or node carries all of its
 * traffic: each {@link #enqueue} puts its items, in order, on one of the {@code producers} in turn (the next one when
 * that one fails), and consumers take from every shard of {@code consumers}, which may hold more than the producers
 * (shards of an earlier configuration, or the unsharded queue, still to drain). Order holds within one enqueue, not
 * across them; the pipeline does not need it.
 *
 * <p>{@link #claim} takes from one shard, going round the shards from a point that differs per process so that
 * several workers start on different shards; an empty claim means every shard was empty. {@link #recover} and
 * {@link #size} re-read the list of shards to drain.
 */
public final class ShardedDataQueue<T> implements DataQueue<T> {

    private final List<DataQueue<T>> producers;
    private final Supplier<List<DataQueue<T>>> consumers;
    private volatile List<DataQueue<T>> drain;
    private final AtomicInteger nextProducer = new AtomicInteger(ThreadLocalRandom.current().nextInt(1 << 16));
    private final AtomicInteger nextConsumer = new AtomicInteger(ThreadLocalRandom.current().nextInt(1 << 16));

    /**
     * @param producers where items go; at least one
     * @param consumers every shard to take from (read at start and at each {@link #recover}); the producers are
     *                  added to it if missing
     */
    public ShardedDataQueue(List<DataQueue<T>> producers, Supplier<List<DataQueue<T>>> consumers) {
        if (producers.isEmpty()) {
            throw new IllegalArgumentException("a sharded queue needs at least one shard");
        }
        this.producers = List.copyOf(producers);
        this.consumers = consumers;
        this.drain = List.copyOf(producers);
    }

    /** The shards taken from now. */
    public List<DataQueue<T>> shards() {
        return drain;
    }

    private List<DataQueue<T>> refresh() {
        List<DataQueue<T>> all = new ArrayList<>(producers);
        for (DataQueue<T> shard : consumers.get()) {
            if (!all.contains(shard)) {
                all.add(shard);
            }
        }
        drain = List.copyOf(all);
        return drain;
    }

    @Override
    public void enqueue(List<T> items) {
        if (items.isEmpty()) {
            return;
        }
        int start = nextProducer.getAndIncrement();
        StoreUnavailableException failure = null;
        for (int i = 0; i < producers.size(); i++) {
            try {
                producers.get(Math.floorMod(start + i, producers.size())).enqueue(items);
                return;
            } catch (StoreUnavailableException e) {
                // A shard may be on a node that is down: another shard takes the items. (A write that failed
                // after the shard stored it after all is a duplicate, which the pipeline absorbs.)
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        throw failure;
    }

    @Override
    public List<T> dequeue(int max) {
        if (max <= 0) {
            throw new IllegalArgumentException("dequeue takes a positive count, not " + max);
        }
        List<DataQueue<T>> shards = drain;
        int start = nextConsumer.getAndIncrement();
        List<T> out = new ArrayList<>();
        for (int i = 0; i < shards.size() && out.size() < max; i++) {
            out.addAll(shards.get(Math.floorMod(start + i, shards.size())).dequeue(max - out.size()));
        }
        return out;
    }

    /** The items waiting in every shard to drain, after re-reading which shards those are. */
    @Override
    public long size() {
        long size = 0;
        for (DataQueue<T> shard : refresh()) {
            size += shard.size();
        }
        return size;
    }

    @Override
    public Claim<T> claim(int max) {
        if (max <= 0) {
            throw new IllegalArgumentException("dequeue takes a positive count, not " + max);
        }
        List<DataQueue<T>> shards = drain;
        int start = nextConsumer.getAndIncrement();
        StoreUnavailableException failure = null;
        Claim<T> empty = null;
        for (int i = 0; i < shards.size(); i++) {
            Claim<T> claim;
            try {
                claim = shards.get(Math.floorMod(start + i, shards.size())).claim(max);
            } catch (StoreUnavailableException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
                continue;
            }
            if (!claim.isEmpty()) {
                return claim;
            }
            empty = claim;
        }
        if (failure != null) {
            // Some shard could not be asked: not the same as an empty queue.
            throw failure;
        }
        return empty;
    }

    @Override
    public long recover() {
        long back = 0;
        StoreUnavailableException failure = null;
        for (DataQueue<T> shard : refresh()) {
            try {
                back += shard.recover();
            } catch (StoreUnavailableException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
        return back;
    }
}
