package org.ichnaea.redis;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ichnaea.core.monitor.RateControlStore;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;

/**
 * The rate controller's Redis keys, as Ichnaea (docs/algorithms.md §13.5): operators set
 * {@code rate_controller_enabled}, {@code _target}, {@code _kp}, {@code _ki}, {@code _kd}, {@code _trx_max} and
 * {@code _trx_min} with redis-cli; the controller keeps {@code rate_controller_state} and
 * {@code rate_controller_trx_purging} and publishes {@code global_locate_sample_rate}.
 */
public final class RedisRateControlStore implements RateControlStore {

    static final String PREFIX = "rate_controller_";
    private static final List<String> NAMES = List.of(ENABLED, TARGET, KP, KI, KD, TRX_MAX, TRX_MIN, STATE,
            TRX_PURGING);

    private final Redis redis;

    public RedisRateControlStore(Redis redis) {
        this.redis = redis;
    }

    /** One pipelined GET per key (not MGET: on a Redis Cluster the keys lie in different slots). */
    @Override
    public Map<String, String> read() {
        return redis.call("rate controller", () -> {
            Map<String, Response<String>> values = new java.util.LinkedHashMap<>();
            try (AbstractPipeline pipeline = redis.client().pipelined()) {
                for (String name : NAMES) {
                    values.put(name, pipeline.get(PREFIX + name));
                }
                pipeline.sync();
            }
            Map<String, String> result = new HashMap<>();
            values.forEach((name, value) -> {
                if (value.get() != null) {
                    result.put(name, value.get());
                }
            });
            return result;
        });
    }

    /** Pipelined SETs (not MSET, for a cluster): only the controller job, under its lock, writes them. */
    @Override
    public void write(String state, boolean purging, double sampleRate) {
        redis.call("rate controller", () -> {
            try (AbstractPipeline pipeline = redis.client().pipelined()) {
                pipeline.set(PREFIX + STATE, state);
                pipeline.set(PREFIX + TRX_PURGING, purging ? "1" : "0");
                pipeline.set(RedisLocateSampleRate.KEY, Double.toString(sampleRate));
                pipeline.sync();
            }
            return null;
        });
    }
}
