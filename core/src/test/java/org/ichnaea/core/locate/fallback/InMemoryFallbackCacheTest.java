package org.ichnaea.core.locate.fallback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.ichnaea.core.testing.TestClock;
import org.junit.jupiter.api.Test;

class InMemoryFallbackCacheTest extends FallbackCacheContract {

    private final MutableClock clock = new MutableClock();

    @Override
    protected FallbackCache newCache() {
        return new InMemoryFallbackCache(clock);
    }

    @Test
    void entries_expire_after_their_lifetime() {
        cache.putAll(List.of("k:a"), new FallbackAnswer.NotFound(), Duration.ofSeconds(10));
        clock.advance(Duration.ofSeconds(9));
        assertThat(cache.getAll(List.of("k:a"))).containsExactly(Optional.of(new FallbackAnswer.NotFound()));
        clock.advance(Duration.ofSeconds(1));
        assertThat(cache.getAll(List.of("k:a"))).containsExactly(Optional.empty());
    }

    /** A clock tests can move. */
    static final class MutableClock extends Clock {
        private Instant now = TestClock.NOW;

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
