package org.ichnaea.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.ichnaea.core.stats.StatCounter;
import org.ichnaea.core.stats.StatCounterContract;
import org.ichnaea.core.stats.StatKey;
import org.junit.jupiter.api.Test;

class RedisStatCounterIT extends StatCounterContract {

    @Override
    protected StatCounter newCounter() {
        return new RedisStatCounter(TestRedis.flushed());
    }

    @Test
    void uses_ichnaeas_keys_and_lifetime() {
        Redis redis = TestRedis.flushed();
        new RedisStatCounter(redis).incr(StatKey.UNIQUE_WIFI, LocalDate.of(2026, 6, 15), 3);
        assertThat(redis.client().get("statcounter_unique_wifi_20260615")).isEqualTo("3");
        assertThat(redis.client().ttl("statcounter_unique_wifi_20260615")).isBetween(172_000L, 172_800L);
    }
}
