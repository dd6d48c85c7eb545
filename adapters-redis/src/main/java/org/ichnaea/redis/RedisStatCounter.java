package org.ichnaea.redis;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.ichnaea.core.stats.StatCounter;
import org.ichnaea.core.stats.StatKey;

/**
 * Daily stat counters in Redis with Ichnaea's keys, {@code statcounter_<label>_<YYYYMMDD>} (docs/algorithms.md
 * §13.3): {@code INCRBY} and {@code EXPIRE} of two days in one script (atomic, and one key: a Redis Cluster runs it
 * too, where {@code MULTI} is not available), {@code DECRBY} after the flush.
 */
public final class RedisStatCounter implements StatCounter {

    /** Two days, as Ichnaea. */
    static final long TTL_SECONDS = 172_800;

    private static final String INCR = "redis.call('INCRBY', KEYS[1], ARGV[1]) "
            + "return redis.call('EXPIRE', KEYS[1], ARGV[2])";

    private final Redis redis;

    public RedisStatCounter(Redis redis) {
        this.redis = redis;
    }

    static String name(StatKey key, LocalDate day) {
        return "statcounter_" + key.label() + "_" + day.format(DateTimeFormatter.BASIC_ISO_DATE);
    }

    @Override
    public void incr(StatKey key, LocalDate day, long delta) {
        if (delta < 0) {
            throw new IllegalArgumentException("negative increment " + delta);
        }
        if (delta == 0) {
            return;
        }
        String name = name(key, day);
        redis.call("stat counter", () -> redis.client().eval(INCR, java.util.List.of(name),
                java.util.List.of(Long.toString(delta), Long.toString(TTL_SECONDS))));
    }

    @Override
    public long get(StatKey key, LocalDate day) {
        String value = redis.call("stat counter", () -> redis.client().get(name(key, day)));
        return value == null ? 0 : Long.parseLong(value);
    }

    @Override
    public void decr(StatKey key, LocalDate day, long delta) {
        if (delta != 0) {
            redis.call("stat counter", () -> redis.client().decrBy(name(key, day), delta));
        }
    }
}
