package org.ichnaea.redis;

import org.ichnaea.core.locate.LocateSampleRate;

/**
 * The Redis string {@code global_locate_sample_rate}: 100 when missing or unreadable (docs/storage.md "API keys").
 * The web tier reads it at most once per {@code cacheFor} (the rate controller sets it once a minute), not once per
 * locate.
 */
public final class RedisLocateSampleRate implements LocateSampleRate {

    public static final String KEY = "global_locate_sample_rate";

    private final Redis redis;
    private final long cacheNanos;
    /** The last rate read and when ({@link System#nanoTime}); null before the first read. */
    private volatile Reading last;

    private record Reading(double rate, long at) {
    }

    public RedisLocateSampleRate(Redis redis) {
        this(redis, java.time.Duration.ZERO);
    }

    /** A rate read from Redis at most once per {@code cacheFor}. */
    public RedisLocateSampleRate(Redis redis, java.time.Duration cacheFor) {
        this.redis = redis;
        this.cacheNanos = cacheFor.toNanos();
    }

    @Override
    public double percent() {
        Reading reading = last;
        if (reading != null && System.nanoTime() - reading.at() < cacheNanos) {
            return reading.rate();
        }
        double rate = read();
        if (cacheNanos > 0) {
            last = new Reading(rate, System.nanoTime());
        }
        return rate;
    }

    private double read() {
        String value = redis.call("sample rate", () -> redis.client().get(KEY));
        if (value == null) {
            return 100.0;
        }
        try {
            double rate = Double.parseDouble(value.trim());
            return Double.isFinite(rate) && rate >= 0 ? rate : 100.0;
        } catch (NumberFormatException e) {
            return 100.0;
        }
    }

    /** Sets the rate (the rate controller and tests do). */
    public void set(double percent) {
        redis.call("sample rate", () -> redis.client().set(KEY, Double.toString(percent)));
    }
}
