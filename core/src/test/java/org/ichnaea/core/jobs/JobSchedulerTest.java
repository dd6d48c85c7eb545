package org.ichnaea.core.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalTime;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Periodic jobs: once at a time across schedulers sharing a lock, failures retried at the next tick. */
class JobSchedulerTest {

    private final InMemoryJobLock lock = new InMemoryJobLock();

    @Test
    void an_exclusive_job_held_elsewhere_is_skipped() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        Job job = Job.every("update_statcounter", Duration.ofSeconds(600), true, () -> {
            runs.incrementAndGet();
            inside.countDown();
            release.await(5, TimeUnit.SECONDS);
        });
        try (JobScheduler first = new JobScheduler(lock, java.time.Clock.systemUTC(), 1);
             JobScheduler second = new JobScheduler(lock, java.time.Clock.systemUTC(), 1)) {
            Thread running = new Thread(() -> first.runNow(job));
            running.start();
            assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();

            assertThat(second.runNow(job)).isEqualTo(JobScheduler.Outcome.LOCKED);
            assertThat(second.stats().get("update_statcounter").skipped()).isEqualTo(1);

            release.countDown();
            running.join(5000);
            assertThat(second.runNow(job)).as("ran once this period already").isEqualTo(JobScheduler.Outcome.LOCKED);
            assertThat(runs.get()).isEqualTo(1);
        }
    }

    @Test
    void an_exclusive_job_runs_once_per_period_across_processes_and_again_after_it() {
        MutableClock clock = new MutableClock();
        InMemoryJobLock shared = new InMemoryJobLock(clock);
        AtomicInteger runs = new AtomicInteger();
        Job job = Job.every("update_statregion", Duration.ofSeconds(3600), true, runs::incrementAndGet);
        try (JobScheduler a = new JobScheduler(shared, clock, 1); JobScheduler b = new JobScheduler(shared, clock, 1)) {
            assertThat(a.runNow(job)).isEqualTo(JobScheduler.Outcome.RAN);
            clock.advance(Duration.ofMinutes(10));
            assertThat(b.runNow(job)).isEqualTo(JobScheduler.Outcome.LOCKED);
            clock.advance(Duration.ofMinutes(50));
            assertThat(b.runNow(job)).as("next period").isEqualTo(JobScheduler.Outcome.RAN);
            assertThat(runs.get()).isEqualTo(2);
        }
        assertThat(JobScheduler.quietTime(job, Duration.ofSeconds(10))).isEqualTo(Duration.ofSeconds(3589));
        assertThat(JobScheduler.quietTime(job, Duration.ofHours(2))).as("ran longer than its period").isZero();
    }

    private static long failures(JobScheduler scheduler) {
        JobScheduler.Stats stats = scheduler.stats().get("flaky");
        return stats == null ? 0 : stats.failures();
    }

    /** A clock the test moves. */
    private static final class MutableClock extends java.time.Clock {
        private java.time.Instant now = java.time.Instant.parse("2026-06-15T12:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public java.time.Instant instant() {
            return now;
        }
    }

    @Test
    void a_shared_job_runs_everywhere_at_once() throws Exception {
        CountDownLatch both = new CountDownLatch(2);
        Job job = Job.every("export_internal", Duration.ofSeconds(5), false, () -> {
            both.countDown();
            both.await(5, TimeUnit.SECONDS);
        });
        try (JobScheduler scheduler = new JobScheduler(lock, java.time.Clock.systemUTC(), 2)) {
            Thread a = new Thread(() -> scheduler.runNow(job));
            a.start();
            assertThat(scheduler.runNow(job)).isEqualTo(JobScheduler.Outcome.RAN);
            a.join(5000);
            assertThat(both.getCount()).isZero();
        }
    }

    @Test
    void a_failing_job_is_counted_and_runs_again_at_its_next_tick() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        Job job = Job.every("flaky", Duration.ofMillis(20), true, () -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("database down");
        });
        try (JobScheduler scheduler = new JobScheduler(lock, java.time.Clock.systemUTC(), 1)) {
            scheduler.schedule(job, Duration.ZERO);
            // The failure is counted after the task threw: wait for the count, not for the attempts (bounded).
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10))
                    .untilAsserted(() -> assertThat(failures(scheduler)).isGreaterThanOrEqualTo(3));
            assertThat(attempts.get()).isGreaterThanOrEqualTo(3);
        }
        assertThat(lock.tryAcquire("flaky", Duration.ofSeconds(1))).as("lock released after failures").isPresent();
    }

    @Test
    void a_daily_job_waits_for_its_time_and_close_does_not_wait_for_it() {
        AtomicInteger runs = new AtomicInteger();
        long start = System.nanoTime();
        try (JobScheduler scheduler = new JobScheduler(lock, java.time.Clock.systemUTC(), 1)) {
            LocalTime inAnHour = LocalTime.now(java.time.ZoneOffset.UTC).plusHours(1);
            scheduler.schedule(Job.daily("cleanup_stat", inAnHour, runs::incrementAndGet), Duration.ZERO);
            assertThat(scheduler.jobs()).hasSize(1);
        }
        assertThat(runs.get()).isZero();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }
}
