package org.ichnaea.core;

/**
 * Runs work with the thread's interrupt flag cleared and sets it again afterwards: for I/O that must finish even
 * while the process stops (H2 and the log queues close their file channels under an interrupted thread's I/O,
 * for every user of the file), with the interrupt kept for the caller's next check.
 */
public final class Uninterrupted {

    private Uninterrupted() {
    }

    /** Runs {@code work} with the interrupt flag cleared; the flag is set again afterwards if it was set. */
    public static void run(Runnable work) {
        get(() -> {
            work.run();
            return null;
        });
    }

    /**
     * The same for work that answers something. Steps wrapped one after the other each start with the flag cleared,
     * even when the step before set it again.
     */
    public static <T> T get(java.util.function.Supplier<T> work) {
        boolean interrupted = Thread.interrupted();
        try {
            return work.get();
        } finally {
            if (interrupted || Thread.interrupted()) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
