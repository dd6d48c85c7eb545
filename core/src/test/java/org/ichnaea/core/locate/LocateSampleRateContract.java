package org.ichnaea.core.locate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What every global sample rate does: 100 % until the rate controller sets it. */
public abstract class LocateSampleRateContract {

    /** A rate nobody has set. */
    protected abstract LocateSampleRate unsetRate();

    @Test
    void an_unset_rate_is_100_percent() {
        assertThat(unsetRate().percent()).isEqualTo(100.0);
    }
}
