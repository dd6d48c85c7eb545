package org.ichnaea.core;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Skips a backend for a while after it failed, so that one stalled store does not make every request wait on it.
 * Closed, each call runs; a call that throws {@link StoreUnavailableException} opens the breaker for
 * {@code openFor}, during which calls fail at once with a {@code StoreUnavailableException} without touching the
 * backend (callers that fail open, such as the usage counter, then skip it). When the time is up one call at a
 * time is let through as a probe, the others still fail at once; a probe that succeeds closes the breaker, one that
 * fails opens it again. Thread-safe; other exceptions pass through and leave the state as it is.
 */
public final class CircuitBreaker {

    private static final Logger LOG = LoggerFactory.getLogger(CircuitBreaker.class);

    private final String name;
    private final long openForNanos;
    private final LongSupplier nanoTime;
    private final AtomicBoolean probing = new AtomicBoolean();
    /** When the breaker may let a probe through; {@link Long#MIN_VALUE} while closed. */
    private volatile long openUntil = Long.MIN_VALUE;
    private volatile boolean open;

    /**
     * @param name     what the logs call the backend
     * @param openFor  how long calls are skipped after a failure
     * @param nanoTime a monotonic clock in nanoseconds ({@code System::nanoTime}; a fake in tests)
     */
    public CircuitBreaker(String name, Duration openFor, LongSupplier nanoTime) {
        if (openFor.isNegative()) {
            throw new IllegalArgumentException("openFor must not be negative");
        }
        this.name = name;
        this.openForNanos = openFor.toNanos();
        this.nanoTime = nanoTime;
    }

    public CircuitBreaker(String name, Duration openFor) {
        this(name, openFor, System::nanoTime);
    }

    /**
     * Runs {@code action} unless the breaker is open.
     *
     * @throws StoreUnavailableException at once while open, or the action's own
     */
    public <T> T call(Supplier<T> action) {
        boolean probe = false;
        if (open) {
            if (nanoTime.getAsLong() - openUntil < 0 || !probing.compareAndSet(false, true)) {
                throw new StoreUnavailableException(name + " skipped after a failure (circuit open)");
            }
            probe = true;
        }
        try {
            T result = action.get();
            if (probe) {
                open = false;
                openUntil = Long.MIN_VALUE;
                LOG.info("{} answers again; circuit closed", name);
            }
            return result;
        } catch (StoreUnavailableException e) {
            openUntil = nanoTime.getAsLong() + openForNanos;
            if (!open) {
                LOG.warn("{} failed, skipping it for {} ms: {}", name, openForNanos / 1_000_000, e.getMessage());
            }
            open = true;
            throw e;
        } finally {
            if (probe) {
                probing.set(false);
            }
        }
    }

    /** Runs {@code action} unless the breaker is open. */
    public void run(Runnable action) {
        call(() -> {
            action.run();
            return null;
        });
    }

    /** Whether calls are being skipped (a probe may be due). */
    public boolean isOpen() {
        return open;
    }

    public String name() {
        return name;
    }
}
