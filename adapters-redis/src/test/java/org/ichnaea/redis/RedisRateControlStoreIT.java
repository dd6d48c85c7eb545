package org.ichnaea.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.OptionalLong;
import org.ichnaea.core.monitor.RateController;
import org.junit.jupiter.api.Test;

/** The rate controller on Ichnaea's Redis keys (docs/algorithms.md §13.5). */
class RedisRateControlStoreIT {

    @Test
    void operators_knobs_drive_the_global_sample_rate() {
        Redis redis = TestRedis.flushed();
        RedisRateControlStore store = new RedisRateControlStore(redis);
        assertThat(store.read()).isEmpty();
        redis.client().set("rate_controller_enabled", "1");
        redis.client().set("rate_controller_target", "1000");
        redis.client().set("rate_controller_kp", "8");

        RateController controller = new RateController(store);
        controller.step(950, OptionalLong.empty(), Instant.parse("2026-06-15T12:00:00Z"));

        assertThat(new RedisLocateSampleRate(redis).percent()).isCloseTo(40.0,
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(redis.client().get("rate_controller_state")).contains("\"last_input\": 950.0");
        assertThat(redis.client().get("rate_controller_trx_purging")).isEqualTo("0");
        assertThat(store.read()).containsEntry("enabled", "1").containsEntry("target", "1000")
                .containsKey("state");
    }
}
