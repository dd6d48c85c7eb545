package org.ichnaea.core.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs periodic jobs (docs/architecture.md "Periodic jobs") on a small thread pool. Exclusive jobs take a
 * {@link JobLock} first and skip the tick when another process holds it; a failing job is logged, counted and runs
 * again at its next tick. Closing lets running jobs finish (up to 30 s).
 */
public final class JobScheduler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JobScheduler.class);

    /** How a run ended. */
    public enum Outcome { RAN, FAILED, LOCKED }

    /** Counts per job since start, for monitoring. */
    public static final class Stats {
        private final AtomicLong runs = new AtomicLong();
        private final AtomicLong failures = new AtomicLong();
        private final AtomicLong skipped = new AtomicLong();
        private volatile long lastMillis = -1;
        private volatile Instant lastSuccess;

        public long runs() {
            return runs.get();
        }

        public long failures() {
            return failures.get();
        }

        /** Ticks skipped because another process held the lock. */
        public long skipped() {
            return skipped.get();
        }

        /** Duration of the last run, -1 before the first. */
        public long lastMillis() {
            return lastMillis;
        }

        public Instant lastSuccess() {
            return lastSuccess;
        }
    }

    private final JobLock lock;
    private final Clock clock;
    private final java.util.concurrent.ScheduledThreadPoolExecutor executor;
    private final Map<String, Stats> stats = new ConcurrentHashMap<>();
    private final List<Job> jobs = new ArrayList<>();
    private volatile boolean closed;

    public JobScheduler(JobLock lock, Clock clock, int threads) {
        this.lock = lock;
        this.clock = clock;
        AtomicInteger n = new AtomicInteger();
        this.executor = new java.util.concurrent.ScheduledThreadPoolExecutor(threads, r -> {
            Thread t = new Thread(r, "ichnaea-job-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        // On close, waiting daily runs are dropped, not awaited.
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /** Starts running {@code job} on its schedule; the first run of a periodic job comes after {@code initial}. */
    public synchronized void schedule(Job job, Duration initial) {
        jobs.add(job);
        stats.putIfAbsent(job.name(), new Stats());
        if (job.schedule() instanceof Job.Every every) {
            executor.scheduleWithFixedDelay(() -> runNow(job), initial.toMillis(), every.period().toMillis(),
                    TimeUnit.MILLISECONDS);
        } else {
            scheduleDaily(job);
        }
    }

    private void scheduleDaily(Job job) {
        if (closed) {
            return;
        }
        Job.DailyAt at = (Job.DailyAt) job.schedule();
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDateTime next = now.toLocalDate().atTime(at.time());
        if (!next.isAfter(now)) {
            next = next.plusDays(1);
        }
        long delay = Duration.between(now, next).toMillis();
        try {
            executor.schedule(() -> {
                runNow(job);
                scheduleDaily(job);
            }, delay, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closing
        }
    }

    /** Runs a job now on the calling thread, honouring its lock. */
    public Outcome runNow(Job job) {
        Stats s = stats.computeIfAbsent(job.name(), k -> new Stats());
        Optional<JobLock.Lease> lease = Optional.empty();
        if (job.exclusive()) {
            try {
                lease = lock.tryAcquire(job.name(), job.lease());
            } catch (RuntimeException e) {
                s.failures.incrementAndGet();
                LOG.warn("job {}: cannot take its lock, skipped: {}", job.name(), e.toString());
                return Outcome.FAILED;
            }
            if (lease.isEmpty()) {
                s.skipped.incrementAndGet();
                LOG.debug("job {}: running elsewhere, skipped", job.name());
                return Outcome.LOCKED;
            }
        }
        long start = System.nanoTime();
        boolean ran = false;
        try {
            job.task().run();
            s.lastSuccess = clock.instant();
            ran = true;
            return Outcome.RAN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            s.failures.incrementAndGet();
            return Outcome.FAILED;
        } catch (Exception | Error e) {
            s.failures.incrementAndGet();
            LOG.warn("job {} failed, it runs again at its next tick: {}", job.name(), e.toString(), e);
            return Outcome.FAILED;
        } finally {
            s.runs.incrementAndGet();
            s.lastMillis = (System.nanoTime() - start) / 1_000_000;
            Duration keep = ran ? quietTime(job, Duration.ofNanos(System.nanoTime() - start)) : Duration.ZERO;
            lease.ifPresent(l -> {
                try {
                    if (keep.isZero()) {
                        l.close();
                    } else {
                        l.keepFor(keep);
                    }
                } catch (RuntimeException e) {
                    LOG.debug("job {}: releasing its lock failed (it expires by itself): {}", job.name(),
                            e.toString());
                }
            });
        }
    }

    /**
     * After a successful run, an exclusive job's lease is kept for the rest of its period (a daily job's for an
     * hour), so that N processes each ticking once per period run the job once per period between them, not N
     * times; a failed run releases the lease at once, so another process may retry at its next tick.
     */
    static Duration quietTime(Job job, Duration took) {
        Duration period = job.schedule() instanceof Job.Every every ? every.period() : Duration.ofHours(1);
        Duration rest = period.minus(took).minus(QUIET_MARGIN);
        return rest.isNegative() || rest.isZero() ? Duration.ZERO : rest;
    }

    /** Leaves room for ticks that drift a little against the lease's expiry. */
    private static final Duration QUIET_MARGIN = Duration.ofSeconds(1);

    /** Counts per job name. */
    public Map<String, Stats> stats() {
        return Map.copyOf(stats);
    }

    public synchronized List<Job> jobs() {
        return List.copyOf(jobs);
    }

    @Override
    public void close() {
        closed = true;
        executor.shutdown();
        try {
            if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
