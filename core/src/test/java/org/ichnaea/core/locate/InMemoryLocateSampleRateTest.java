package org.ichnaea.core.locate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InMemoryLocateSampleRateTest extends LocateSampleRateContract {

    @Override
    protected LocateSampleRate unsetRate() {
        return new InMemoryLocateSampleRate();
    }

    @Test
    void a_set_rate_is_kept_and_negative_rates_are_refused() {
        InMemoryLocateSampleRate rate = new InMemoryLocateSampleRate();
        rate.set(150);
        assertThat(rate.percent()).isEqualTo(150.0);
        assertThatThrownBy(() -> rate.set(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
