package org.ichnaea.core;

/**
 * A store, queue or cache behind a port could not answer (database or Redis down, timeout). Adapters wrap their
 * library's exception in this one and keep the cause; the engine catches it, logs, and degrades.
 */
public class StoreUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreUnavailableException(String message) {
        super(message);
    }
}
