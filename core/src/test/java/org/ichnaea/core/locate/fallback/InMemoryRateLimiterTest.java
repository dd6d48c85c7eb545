package org.ichnaea.core.locate.fallback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class InMemoryRateLimiterTest extends RateLimiterContract {

    private final InMemoryFallbackCacheTest.MutableClock clock = new InMemoryFallbackCacheTest.MutableClock();

    @Override
    protected RateLimiter newLimiter() {
        return new InMemoryRateLimiter(clock);
    }

    @Test
    void a_counter_starts_again_after_it_expires() {
        limiter.incrementAndGet("k", Duration.ofSeconds(5));
        limiter.incrementAndGet("k", Duration.ofSeconds(5));
        clock.advance(Duration.ofSeconds(5));
        assertThat(limiter.incrementAndGet("k", Duration.ofSeconds(5))).isEqualTo(1);
    }
}
