package org.ichnaea.core.queue;

import java.util.List;

/**
 * A first-in first-out queue between the web tier and the pipeline (ichnaea-behaviour.md §5.1). Implementations
 * are durable where the deployment needs it (Redis lists, the embedded database). Faults surface as
 * {@link org.ichnaea.core.StoreUnavailableException}.
 *
 * @param <T> the item type; adapters encode it
 */
public interface DataQueue<T> {

    /** Appends the items in order. */
    void enqueue(List<T> items);

    /** Removes and returns up to {@code max} items from the head, atomically; {@code max} must be positive. */
    List<T> dequeue(int max);

    /** How many items wait. */
    long size();
}
