package org.ichnaea.core.jobs;

import java.time.Duration;
import java.util.Optional;

/**
 * A lease that lets a periodic job run at most once at a time across every process sharing the store
 * (docs/architecture.md "Deployment modes": a Redis lock takes the place of Celery beat). Leases expire by themselves,
 * so a crashed holder blocks the job for at most {@code ttl}. Faults surface as
 * {@link org.ichnaea.core.StoreUnavailableException}.
 */
public interface JobLock {

    /** Takes the lease on {@code name} for {@code ttl} if nobody holds it; empty when someone does. */
    Optional<Lease> tryAcquire(String name, Duration ttl);

    /** A held lease. Closing releases it, unless it already expired and somebody else took it since. */
    interface Lease extends AutoCloseable {
        @Override
        void close();

        /**
         * Keeps the lease for {@code duration} from now instead of releasing it, so that no other process runs
         * the job again within the same period; does nothing if the lease expired and somebody else took it.
         */
        void keepFor(Duration duration);
    }
}
