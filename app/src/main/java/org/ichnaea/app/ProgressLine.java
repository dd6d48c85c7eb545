package org.ichnaea.app;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * Progress lines of the long CLI commands ({@code process}, {@code import}, {@code export}, the tile render): the
 * first line at once, then at most one every {@link #INTERVAL_NANOS 2 s}, each on a line of its own, so that logs
 * and pipes get a readable record (a terminal gets the same lines). Callers report often (every few thousand rows);
 * this class throttles.
 */
final class ProgressLine implements LongConsumer {

    /** The shortest time between two lines: 2 s. */
    static final long INTERVAL_NANOS = 2_000_000_000L;

    private final PrintStream out;
    private final String format;
    private final LongSupplier nanoTime;
    private long last;
    private boolean started;

    /**
     * Lines to {@code out}, a number reported to {@link #accept} formatted by {@code format} (one {@code %,d}, e.g.
     * {@code "import cells: %,d lines read"}), {@code nanoTime} the clock.
     */
    ProgressLine(PrintStream out, String format, LongSupplier nanoTime) {
        this.out = out;
        this.format = format;
        this.nanoTime = nanoTime;
    }

    /** On the system's clock. */
    static ProgressLine to(PrintStream out, String format) {
        return new ProgressLine(out, format, System::nanoTime);
    }

    /** On the system's clock, for callers that write whole lines ({@link #line}). */
    static ProgressLine to(PrintStream out) {
        return to(out, "%,d");
    }

    /** Prints {@code format} with {@code n}, if it is time for a line. */
    @Override
    public void accept(long n) {
        line(String.format(Locale.ROOT, format, n));
    }

    /** Prints {@code text}, if it is time for a line; answers whether it did. */
    synchronized boolean line(String text) {
        long now = nanoTime.getAsLong();
        if (started && now - last < INTERVAL_NANOS) {
            return false;
        }
        started = true;
        last = now;
        out.println(text);
        out.flush();
        return true;
    }
}
