package org.ichnaea.core.queue;

import java.net.InetAddress;
import java.time.Instant;
import java.util.Optional;

/**
 * Who holds a claim: this host's name, the process id and the process start time, as
 * {@code host/pid/startMillis}. A claim of a process of this host that no longer runs (or whose pid now belongs to
 * a process started at another time) is abandoned and can be recovered at once, without waiting for its lease.
 */
public final class QueueOwner {

    private static final String HOST = hostName();
    private static final String SELF = of(ProcessHandle.current());

    private QueueOwner() {
    }

    /** This process. */
    public static String self() {
        return SELF;
    }

    /** An owner of this host whose process is not running (pid above the kernel's limit): for tests. */
    public static String deadForTests() {
        return HOST + "/" + (1L << 23) + "/1";
    }

    static String of(ProcessHandle process) {
        long start = process.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
        return HOST + "/" + process.pid() + "/" + start;
    }

    /**
     * Whether {@code owner} names a process of this host that has ended. Owners of other hosts, and strings that
     * are not owners, are never taken for dead: their claims wait for their lease.
     */
    public static boolean isDeadLocal(String owner) {
        if (owner == null) {
            return false;
        }
        String[] parts = owner.split("/");
        if (parts.length != 3 || !parts[0].equals(HOST)) {
            return false;
        }
        long pid;
        long start;
        try {
            pid = Long.parseLong(parts[1]);
            start = Long.parseLong(parts[2]);
        } catch (NumberFormatException e) {
            return false;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty() || !process.get().isAlive()) {
            return true;
        }
        Optional<Instant> started = process.get().info().startInstant();
        // The start time is known to the millisecond on Linux; a pid reused by a later process is another owner.
        return start != 0 && started.isPresent() && Math.abs(started.get().toEpochMilli() - start) > 1000;
    }

    private static String hostName() {
        try {
            String name = InetAddress.getLocalHost().getHostName();
            return name == null || name.isBlank() ? "localhost" : name.replace('/', '_');
        } catch (java.io.IOException | RuntimeException e) {
            return "localhost";
        }
    }
}
