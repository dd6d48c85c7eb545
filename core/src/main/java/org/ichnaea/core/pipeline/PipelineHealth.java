package org.ichnaea.core.pipeline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Whether the pipeline of this process still gets through its queue: it is failing when its runs have failed
 * {@code failures} times in a row and none has succeeded for {@code grace}. A service whose queue lives in the same
 * store as its stations (the embedded default) then refuses submissions (503) and shows the heartbeat red, rather
 * than acknowledge reports it can no longer learn from (docs/reliability.md). A process that runs no pipeline is
 * never failing.
 */
public final class PipelineHealth {

    /** Defaults: three failed runs in a row and five minutes without a success. */
    public static final int FAILURES = 3;
    public static final Duration GRACE = Duration.ofMinutes(5);

    private final Clock clock;
    private final int failures;
    private final Duration grace;
    private Instant lastSuccess;
    private int consecutive;
    private String lastError;

    public PipelineHealth(Clock clock) {
        this(clock, FAILURES, GRACE);
    }

    public PipelineHealth(Clock clock, int failures, Duration grace) {
        this.clock = clock;
        this.failures = failures;
        this.grace = grace;
        this.lastSuccess = clock.instant();
    }

    /** A run got through. */
    public synchronized void success() {
        consecutive = 0;
        lastError = null;
        lastSuccess = clock.instant();
    }

    /** A run failed. */
    public synchronized void failure(Throwable e) {
        consecutive++;
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        lastError = message.length() > 300 ? message.substring(0, 300) + "..." : message;
    }

    /** Whether the pipeline has been failing long enough to stop accepting work for it. */
    public synchronized boolean isFailing() {
        return consecutive >= failures && Duration.between(lastSuccess, clock.instant()).compareTo(grace) >= 0;
    }

    /** The last failure's message, or null. */
    public synchronized String lastError() {
        return lastError;
    }

    /** Failed runs in a row. */
    public synchronized int consecutiveFailures() {
        return consecutive;
    }
}
