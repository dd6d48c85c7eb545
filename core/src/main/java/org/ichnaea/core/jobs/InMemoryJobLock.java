package org.ichnaea.core.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link JobLock} within one process: the embedded mode, where one {@code serve} runs the jobs. */
public final class InMemoryJobLock implements JobLock {

    private final Clock clock;
    private final Map<String, Holder> held = new ConcurrentHashMap<>();

    private record Holder(Object token, Instant expires) {
    }

    public InMemoryJobLock(Clock clock) {
        this.clock = clock;
    }

    public InMemoryJobLock() {
        this(Clock.systemUTC());
    }

    @Override
    public Optional<Lease> tryAcquire(String name, Duration ttl) {
        Object token = new Object();
        Instant now = clock.instant();
        Holder mine = new Holder(token, now.plus(ttl));
        Holder result = held.compute(name, (k, current) -> current == null || !current.expires().isAfter(now)
                ? mine : current);
        if (result != mine) {
            return Optional.empty();
        }
        return Optional.of(new Lease() {
            @Override
            public void close() {
                held.remove(name, mine);
            }

            @Override
            public void keepFor(Duration duration) {
                held.computeIfPresent(name, (k, current) -> current.token() == token
                        ? new Holder(token, clock.instant().plus(duration)) : current);
            }
        });
    }
}
