/** Queues: the port between the request path and the pipeline, and its in-memory implementation. */
package org.ichnaea.core.queue;
