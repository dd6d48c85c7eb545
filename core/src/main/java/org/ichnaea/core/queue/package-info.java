/**
 * Queues between the request path and the pipeline: the {@link org.ichnaea.core.queue.DataQueue} port with claims
 * that are acknowledged or released, its in-memory implementation, a write-behind buffer for query observations
 * ({@link org.ichnaea.core.queue.BufferedDataQueue}, docs/decisions/006-query-data-write-behind.md), and the leases
 * and owners of claims ({@link org.ichnaea.core.queue.Leases}, {@link org.ichnaea.core.queue.QueueOwner},
 * docs/decisions/010-at-least-once-pipeline.md).
 */
package org.ichnaea.core.queue;
