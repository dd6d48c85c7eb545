package org.ichnaea.redis;

import static org.assertj.core.api.Assertions.assertThat;

import org.ichnaea.core.locate.LocateSampleRate;
import org.ichnaea.core.locate.LocateSampleRateContract;
import org.junit.jupiter.api.Test;

class RedisLocateSampleRateIT extends LocateSampleRateContract {

    @Override
    protected LocateSampleRate unsetRate() {
        return new RedisLocateSampleRate(TestRedis.flushed());
    }

    @Test
    void reads_the_rate_and_falls_back_to_100_on_garbage() {
        Redis redis = TestRedis.flushed();
        RedisLocateSampleRate rate = new RedisLocateSampleRate(redis);
        rate.set(42.5);
        assertThat(rate.percent()).isEqualTo(42.5);
        redis.client().set(RedisLocateSampleRate.KEY, "lots");
        assertThat(rate.percent()).isEqualTo(100.0);
    }
}
