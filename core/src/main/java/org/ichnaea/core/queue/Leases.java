package org.ichnaea.core.queue;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the leases of a process's open claims alive: every third of its own lease, each open claim renews it (one
 * timer ticking every 100 ms serves claims of any lease). A
 * claim stops being renewed when it is acknowledged or released, or when its process dies, after which another
 * consumer may recover it once the lease has run out. One daemon thread per process.
 */
public final class Leases {

    /** How long a claim stays hidden from other consumers without a renewal. */
    public static final Duration DEFAULT_LEASE = Duration.ofSeconds(60);
    private static final Logger LOG = LoggerFactory.getLogger(Leases.class);
    private static final long TICK_MILLIS = 100;
    /** Open claims and when each is next due for renewal (System.nanoTime). */
    private static final java.util.Map<Renewable, long[]> OPEN = new ConcurrentHashMap<>();
    private static volatile ScheduledExecutorService timer;

    /** A claim whose lease can be extended. */
    @FunctionalInterface
    public interface Renewable {
        /** Extends the lease by a full lease from now. */
        void renew();
    }

    private Leases() {
    }

    /** Starts renewing {@code claim} every {@code lease / 3} until {@link #forget}. */
    public static void keep(Renewable claim, Duration lease) {
        long every = Math.max(TICK_MILLIS, lease.toMillis() / 3) * 1_000_000L;
        OPEN.put(claim, new long[] {every, System.nanoTime() + every});
        ensureTimer();
    }

    /** Stops renewing {@code claim}. */
    public static void forget(Renewable claim) {
        OPEN.remove(claim);
    }

    private static synchronized void ensureTimer() {
        if (timer != null) {
            return;
        }
        ScheduledExecutorService t = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "ichnaea-queue-leases");
            thread.setDaemon(true);
            return thread;
        });
        t.scheduleWithFixedDelay(Leases::renewDue, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
        timer = t;
    }

    private static void renewDue() {
        long now = System.nanoTime();
        for (java.util.Map.Entry<Renewable, long[]> open : OPEN.entrySet()) {
            long[] schedule = open.getValue();
            if (now - schedule[1] < 0) {
                continue;
            }
            schedule[1] = now + schedule[0];
            Renewable claim = open.getKey();
            try {
                claim.renew();
            } catch (RuntimeException e) {
                // The store is down: the next round tries again; if the lease runs out meanwhile, another consumer
                // may take the items over, and the pipeline absorbs the second delivery.
                LOG.warn("could not renew a queue claim: {}", e.toString());
            }
        }
    }
}
