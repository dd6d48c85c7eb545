package org.ichnaea.core.jobs;

import java.time.Duration;
import java.time.LocalTime;

/**
 * A periodic job (docs/architecture.md "Periodic jobs").
 *
 * @param name      Ichnaea's task name, e.g. {@code update_statcounter}; also the lock's name
 * @param schedule  when it runs
 * @param exclusive whether it runs at most once at a time across all processes (a {@link JobLock}); jobs whose work
 *                  is taken off a queue atomically may run everywhere at once to share the work
 * @param lease     how long the lock is held at most, should a holder die; longer than the job ever runs
 * @param task      the work; an exception is logged and the job runs again at its next tick
 */
public record Job(String name, Schedule schedule, boolean exclusive, Duration lease, Task task) {

    /** The work of a job. */
    @FunctionalInterface
    public interface Task {
        void run() throws Exception;
    }

    /** When a job runs. */
    public sealed interface Schedule {
    }

    /** Every {@code period}, measured from the end of the previous run. */
    public record Every(Duration period) implements Schedule {
        public Every {
            if (period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("a job period must be positive: " + period);
            }
        }
    }

    /** Once a day at this UTC time. */
    public record DailyAt(LocalTime time) implements Schedule {
    }

    public static Job every(String name, Duration period, boolean exclusive, Task task) {
        Duration lease = period.multipliedBy(10);
        if (lease.compareTo(Duration.ofMinutes(15)) < 0) {
            lease = Duration.ofMinutes(15);
        }
        return new Job(name, new Every(period), exclusive, lease, task);
    }

    public static Job daily(String name, LocalTime time, Task task) {
        return new Job(name, new DailyAt(time), true, Duration.ofHours(5), task);
    }
}
