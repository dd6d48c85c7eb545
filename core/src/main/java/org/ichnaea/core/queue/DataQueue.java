package org.ichnaea.core.queue;

import java.util.List;

/**
 * A first-in first-out queue between the web tier and the pipeline (docs/storage.md "The report queue").
 * Implementations are durable where the deployment needs it (Redis lists, the embedded database). Faults surface as
 * {@link org.ichnaea.core.StoreUnavailableException}.
 *
 * <p>Consumers that must not lose items take them with {@link #claim}: the items stay stored, hidden from other
 * consumers, until the claim is {@linkplain Claim#ack() acknowledged} (removed for good) or
 * {@linkplain Claim#release() released} (back in the queue). A claim whose holder dies without either comes back
 * through {@link #recover()}: at once when the holder was a process of this host that no longer runs, else when its
 * lease runs out (the holder renews it while it lives). So a consumer crash never loses what it had claimed; it may
 * deliver it twice, which the pipeline absorbs by report id (docs/reliability.md).
 *
 * @param <T> the item type; adapters encode it
 */
public interface DataQueue<T> {

    /** Appends the items in order. Answers only once they are stored as durably as the queue stores anything. */
    void enqueue(List<T> items);

    /**
     * Removes and returns up to {@code max} items from the head at once, {@code max} positive: at-most-once, for
     * consumers that can lose what they took (tests, draining a queue on purpose). The pipeline uses {@link #claim}.
     */
    List<T> dequeue(int max);

    /** How many items wait, claimed ones included (they are not done yet). */
    long size();

    /**
     * Claims up to {@code max} items from the head ({@code max} positive): they stay stored but no other consumer
     * gets them until the claim ends. An empty claim means nothing is waiting.
     */
    Claim<T> claim(int max);

    /**
     * Puts the items of abandoned claims back in the queue: claims of a process of this host that has ended, and
     * claims whose lease has run out. Answers how many items came back.
     */
    long recover();

    /** Items taken from a queue that are not yet done with. */
    interface Claim<T> extends AutoCloseable {

        /** The claimed items, oldest first. */
        List<T> items();

        /** Removes the items from the queue for good: they are done with. */
        void ack();

        /** Gives the items back to the queue for another attempt. */
        void release();

        /** Releases the items unless the claim was acknowledged or released already. */
        @Override
        void close();

        default boolean isEmpty() {
            return items().isEmpty();
        }
    }
}
