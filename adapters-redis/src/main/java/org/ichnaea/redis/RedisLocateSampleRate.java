package org.ichnaea.redis;

import org.ichnaea.core.locate.LocateSampleRate;

/** The Redis string {@code global_locate_sample_rate}: 100 when missing or unreadable (docs/storage.md "API keys"). */
public final class RedisLocateSampleRate implements LocateSampleRate {

    public static final String KEY = "global_locate_sample_rate";

    private final Redis redis;

    public RedisLocateSampleRate(Redis redis) {
        this.redis = redis;
    }

    @Override
    public double percent() {
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
