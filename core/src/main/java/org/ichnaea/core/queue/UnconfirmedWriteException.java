package org.ichnaea.core.queue;

import org.ichnaea.core.StoreUnavailableException;

/**
 * A queue write that reached the store but was not confirmed as durable as required (a Redis master that stored the
 * items while no replica confirmed them): it may be kept or lost by a failover. The caller must not acknowledge it,
 * and may write the items again (a duplicate, which the pipeline absorbs by report id).
 */
public class UnconfirmedWriteException extends StoreUnavailableException {

    private static final long serialVersionUID = 1L;

    public UnconfirmedWriteException(String message) {
        super(message);
    }
}
