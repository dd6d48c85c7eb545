package org.ichnaea.core.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Optional;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every job lock does; run against the fake and each adapter. Uses the wall clock, with short leases. */
public abstract class JobLockContract {

    private static final Duration LONG = Duration.ofSeconds(30);
    private static final Duration SHORT = Duration.ofMillis(300);

    protected JobLock lock;

    protected abstract JobLock newLock();

    @BeforeEach
    void createLock() {
        lock = newLock();
    }

    /** Tries to take the lease until it succeeds, for at most 5 s. */
    private Optional<JobLock.Lease> acquireWithin5s(String name, Duration ttl) {
        try {
            return await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(25))
                    .until(() -> lock.tryAcquire(name, ttl), Optional::isPresent);
        } catch (ConditionTimeoutException e) {
            return Optional.empty();
        }
    }

    @Test
    void a_second_acquire_fails_while_the_lease_is_held() {
        Optional<JobLock.Lease> first = lock.tryAcquire("contract-a", LONG);
        assertThat(first).isPresent();
        assertThat(lock.tryAcquire("contract-a", LONG)).isEmpty();
        assertThat(lock.tryAcquire("contract-b", LONG)).as("other jobs are independent").isPresent();
        first.get().close();
    }

    @Test
    void closing_releases_the_lease() {
        JobLock.Lease first = lock.tryAcquire("contract-c", LONG).orElseThrow();
        first.close();
        Optional<JobLock.Lease> second = lock.tryAcquire("contract-c", LONG);
        assertThat(second).isPresent();
        first.close();
        assertThat(lock.tryAcquire("contract-c", LONG)).as("closing twice releases nobody else").isEmpty();
        second.get().close();
    }

    @Test
    void an_expired_lease_can_be_taken() throws InterruptedException {
        assertThat(lock.tryAcquire("contract-d", SHORT)).isPresent();
        assertThat(lock.tryAcquire("contract-d", LONG)).isEmpty();
        assertThat(acquireWithin5s("contract-d", LONG)).isPresent();
    }

    @Test
    void closing_an_expired_lease_does_not_release_someone_elses() throws InterruptedException {
        JobLock.Lease expired = lock.tryAcquire("contract-e", SHORT).orElseThrow();
        JobLock.Lease current = acquireWithin5s("contract-e", LONG).orElseThrow();

        expired.close();

        assertThat(lock.tryAcquire("contract-e", LONG)).isEmpty();
        current.close();
        assertThat(lock.tryAcquire("contract-e", LONG)).isPresent();
    }

    @Test
    void a_kept_lease_holds_for_the_time_given_then_expires() throws InterruptedException {
        JobLock.Lease lease = lock.tryAcquire("contract-f", LONG).orElseThrow();
        lease.keepFor(SHORT);
        assertThat(lock.tryAcquire("contract-f", LONG)).as("kept, not released").isEmpty();
        assertThat(acquireWithin5s("contract-f", LONG)).as("expired after the kept time").isPresent();
    }

    @Test
    void keeping_an_expired_lease_does_not_extend_someone_elses() throws InterruptedException {
        JobLock.Lease expired = lock.tryAcquire("contract-g", SHORT).orElseThrow();
        JobLock.Lease current = acquireWithin5s("contract-g", SHORT).orElseThrow();

        expired.keepFor(LONG);

        assertThat(acquireWithin5s("contract-g", LONG)).as("the current short lease still expires").isPresent();
        current.close();
    }
}
