package org.ichnaea.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.ichnaea.core.locate.fallback.FallbackAnswer;
import org.ichnaea.core.locate.fallback.FallbackCache;
import org.ichnaea.core.locate.fallback.FallbackCacheContract;
import org.junit.jupiter.api.Test;

class RedisFallbackCacheIT extends FallbackCacheContract {

    @Override
    protected FallbackCache newCache() {
        return new RedisFallbackCache(TestRedis.flushed());
    }

    @Test
    void stores_ichnaeas_json_with_a_lifetime_and_treats_garbage_as_a_miss() {
        Redis redis = TestRedis.flushed();
        RedisFallbackCache cache = new RedisFallbackCache(redis);
        cache.putAll(List.of("k:a"), new FallbackAnswer.Found(51.5, -0.1, 100.0, null), Duration.ofSeconds(60));
        assertThat(redis.client().get("k:a")).isEqualTo("{\"lat\":51.5,\"lon\":-0.1,\"accuracy\":100.0,\"fallback\":null}");
        assertThat(redis.client().ttl("k:a")).isBetween(55L, 60L);
        redis.client().set("k:b", "{broken");
        assertThat(cache.getAll(List.of("k:b"))).containsExactly(Optional.empty());
    }
}
