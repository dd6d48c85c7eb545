package org.ichnaea.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.ichnaea.core.apikey.ApiKeyUsage;
import org.ichnaea.core.apikey.ApiKeyUsageContract;
import org.ichnaea.core.apikey.ApiType;
import org.junit.jupiter.api.Test;

class RedisApiKeyUsageIT extends ApiKeyUsageContract {

    @Override
    protected ApiKeyUsage newUsage() {
        return new RedisApiKeyUsage(TestRedis.flushed());
    }

    @Test
    void uses_ichnaeas_keys_and_lifetimes() {
        Redis redis = TestRedis.flushed();
        new RedisApiKeyUsage(redis).record("k1", ApiType.LOCATE, "v1.geolocate", "1.2.3.4", LocalDate.of(2026, 6, 15));
        assertThat(redis.client().get("apilimit:k1:v1.geolocate:20260615")).isEqualTo("1");
        assertThat(redis.client().ttl("apilimit:k1:v1.geolocate:20260615")).isBetween(89_000L, 90_000L);
        assertThat(redis.client().pfcount("apiuser:locate:k1:2026-06-15")).isEqualTo(1);
        assertThat(redis.client().ttl("apiuser:locate:k1:2026-06-15")).isBetween(691_000L, 691_200L);
    }

    @Test
    void reads_the_counts_of_ichnaeas_keys() {
        Redis redis = TestRedis.flushed();
        redis.client().set("apilimit:k2:v1.geolocate:20260615", "7");
        redis.client().set("apilimit:k2:v1.submit:20260615", "2");
        redis.client().set("apilimit:k2:v1.geolocate:20260614", "9");
        redis.client().set("apilimit:k2x:v1.geolocate:20260615", "1");
        RedisApiKeyUsage usage = new RedisApiKeyUsage(redis);
        assertThat(usage.counts("k2", LocalDate.of(2026, 6, 15)))
                .isEqualTo(java.util.Map.of("v1.geolocate", 7L, "v1.submit", 2L));
        assertThat(usage.keysUsed(LocalDate.of(2026, 6, 15))).containsExactly("k2", "k2x");
    }

    @Test
    void scans_through_many_keys() {
        Redis redis = TestRedis.flushed();
        for (int i = 0; i < 3000; i++) {
            redis.client().set("apilimit:key" + i + ":v1.geolocate:20260615", String.valueOf(i));
        }
        RedisApiKeyUsage usage = new RedisApiKeyUsage(redis);
        assertThat(usage.keysUsed(LocalDate.of(2026, 6, 15))).hasSize(3000);
        assertThat(usage.counts("key2999", LocalDate.of(2026, 6, 15))).isEqualTo(java.util.Map.of("v1.geolocate",
                2999L));
    }
}
