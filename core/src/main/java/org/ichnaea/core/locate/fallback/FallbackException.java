package org.ichnaea.core.locate.fallback;

/** The fallback provider failed (timeout, server error, unreadable answer). Nothing is cached for it. */
public class FallbackException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public FallbackException(String message, Throwable cause) {
        super(message, cause);
    }

    public FallbackException(String message) {
        super(message);
    }
}
