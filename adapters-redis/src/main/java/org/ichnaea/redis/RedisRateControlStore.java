package org.ichnaea.redis;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ichnaea.core.monitor.RateControlStore;

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

    @Override
    public Map<String, String> read() {
        List<String> values = redis.call("rate controller", () -> redis.client()
                .mget(NAMES.stream().map(n -> PREFIX + n).toArray(String[]::new)));
        Map<String, String> result = new HashMap<>();
        for (int i = 0; i < NAMES.size(); i++) {
            if (values.get(i) != null) {
                result.put(NAMES.get(i), values.get(i));
            }
        }
        return result;
    }

    @Override
    public void write(String state, boolean purging, double sampleRate) {
        redis.call("rate controller", () -> redis.client().mset(PREFIX + STATE, state, PREFIX + TRX_PURGING,
                purging ? "1" : "0", RedisLocateSampleRate.KEY, Double.toString(sampleRate)));
    }
}
