package org.ichnaea.core.locate.fallback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every rate-limit counter does; run against the fake and each real adapter. */
public abstract class RateLimiterContract {

    protected RateLimiter limiter;

    protected abstract RateLimiter newLimiter();

    @BeforeEach
    void createLimiter() {
        limiter = newLimiter();
    }

    @Test
    void counts_per_key_from_one() {
        assertThat(limiter.incrementAndGet("contract:a", Duration.ofMinutes(1))).isEqualTo(1);
        assertThat(limiter.incrementAndGet("contract:a", Duration.ofMinutes(1))).isEqualTo(2);
        assertThat(limiter.incrementAndGet("contract:b", Duration.ofMinutes(1))).isEqualTo(1);
        assertThat(limiter.incrementAndGet("contract:a", Duration.ofMinutes(1))).isEqualTo(3);
    }
}
