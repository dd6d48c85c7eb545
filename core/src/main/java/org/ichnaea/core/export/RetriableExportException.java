package org.ichnaea.core.export;

/** An export that may succeed when tried again: a timeout, a 5xx, a refused connection, a full disk. */
public final class RetriableExportException extends Exception {

    public RetriableExportException(String message, Throwable cause) {
        super(message, cause);
    }

    public RetriableExportException(String message) {
        super(message);
    }
}
