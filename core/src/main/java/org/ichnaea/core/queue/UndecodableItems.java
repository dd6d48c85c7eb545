package org.ichnaea.core.queue;

import java.util.concurrent.atomic.LongAdder;

/**
 * Queue items that could not be decoded (a corrupt record, an unknown format) and were dropped: every queue adapter
 * logs each at ERROR and counts it here, so {@code /__metrics__} shows them as {@code queue_undecodable_items_total}
 * (docs/algorithms.md §13.6). One count per process.
 */
public final class UndecodableItems {

    private static final LongAdder COUNT = new LongAdder();

    private UndecodableItems() {
    }

    /** One more item dropped. */
    public static void dropped() {
        COUNT.increment();
    }

    /** Items dropped since this process started. */
    public static long total() {
        return COUNT.sum();
    }
}
