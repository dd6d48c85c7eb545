package org.ichnaea.core.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.OptionalLong;
import org.ichnaea.core.locate.InMemoryLocateSampleRate;
import org.junit.jupiter.api.Test;

/** The sample-rate controller of docs/algorithms.md §13.5. */
class RateControllerTest {

    private final InMemoryLocateSampleRate rate = new InMemoryLocateSampleRate();
    private final InMemoryRateControlStore store = new InMemoryRateControlStore(rate);
    private final RateController controller = new RateController(store);
    private final Instant t0 = Instant.parse("2026-06-15T12:00:00Z");

    private void enable(String target) {
        store.set(RateControlStore.ENABLED, "1");
        store.set(RateControlStore.TARGET, target);
    }

    @Test
    void off_unless_enabled_and_leaves_the_rate_alone() {
        rate.set(42);
        assertThat(controller.step(1_000_000, OptionalLong.empty(), t0)).isEmpty();
        store.set(RateControlStore.ENABLED, "0");
        store.set(RateControlStore.TARGET, "1000");
        assertThat(controller.step(1_000_000, OptionalLong.empty(), t0)).isEmpty();
        assertThat(rate.percent()).isEqualTo(42);
    }

    @Test
    void invalid_knobs_disable_it() {
        store.set(RateControlStore.ENABLED, "1");
        assertThat(controller.step(10, OptionalLong.empty(), t0)).as("target required").isEmpty();
        store.set(RateControlStore.TARGET, "-5");
        assertThat(controller.step(10, OptionalLong.empty(), t0)).isEmpty();
        store.set(RateControlStore.TARGET, "1000");
        store.set(RateControlStore.KP, "fast");
        assertThat(controller.step(10, OptionalLong.empty(), t0)).isEmpty();
    }

    @Test
    void proportional_control_with_the_default_gain_of_8() {
        enable("1000");
        // Empty backlog: error 1000, output 8000 clamped to the target: full sampling.
        assertThat(controller.step(0, OptionalLong.empty(), t0).getAsDouble()).isEqualTo(100.0);
        // Backlog 950: error 50, output 400 of 1000: 40 %.
        assertThat(controller.step(950, OptionalLong.empty(), t0.plusSeconds(60)).getAsDouble())
                .isCloseTo(40.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(rate.percent()).isCloseTo(40.0, org.assertj.core.data.Offset.offset(1e-9));
        // Backlog above the target: no sampling.
        assertThat(controller.step(5000, OptionalLong.empty(), t0.plusSeconds(120)).getAsDouble()).isZero();
        assertThat(store.read().get(RateControlStore.STATE)).contains("\"last_input\": 5000.0");
    }

    @Test
    void the_integral_term_remembers_across_steps_through_the_stored_state() {
        enable("1000");
        store.set(RateControlStore.KP, "0");
        store.set(RateControlStore.KI, "0.01");
        controller.step(500, OptionalLong.empty(), t0);
        // 60 s later: integral += 0.01 × 500 × 60 = 300 → 30 %.
        assertThat(controller.step(500, OptionalLong.empty(), t0.plusSeconds(60)).getAsDouble())
                .isCloseTo(30.0, org.assertj.core.data.Offset.offset(1e-6));
        // A new controller reading the same store continues from there.
        assertThat(new RateController(store).step(500, OptionalLong.empty(), t0.plusSeconds(120)).getAsDouble())
                .isCloseTo(60.0, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void a_long_transaction_history_pauses_sampling_until_it_drops_below_the_minimum() {
        enable("1000");
        assertThat(controller.step(0, OptionalLong.of(2_000_000), t0).getAsDouble()).isZero();
        assertThat(store.read().get(RateControlStore.TRX_PURGING)).isEqualTo("1");
        assertThat(controller.step(0, OptionalLong.of(5_000), t0.plusSeconds(60)).getAsDouble())
                .as("still above trx_min 1000").isZero();
        assertThat(controller.step(0, OptionalLong.of(500), t0.plusSeconds(120)).getAsDouble()).isEqualTo(100.0);
        assertThat(store.read().get(RateControlStore.TRX_PURGING)).isEqualTo("0");
    }
}
