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
}
