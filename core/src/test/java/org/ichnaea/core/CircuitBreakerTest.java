package org.ichnaea.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The breaker over a fake backend and a fake clock. */
class CircuitBreakerTest {

    /** A backend that answers or fails as told and counts the calls reaching it. */
    static final class FakeBackend {
        volatile boolean down;
        final AtomicInteger calls = new AtomicInteger();

        long increment() {
            calls.incrementAndGet();
            if (down) {
                throw new StoreUnavailableException("timed out");
            }
            return 1;
        }
    }

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final FakeBackend backend = new FakeBackend();
    private final CircuitBreaker breaker = new CircuitBreaker("usage counter", Duration.ofSeconds(10), now::get);

    @Test
    void one_failure_skips_the_backend_for_the_window_then_one_probe_closes_it() {
        assertThat(breaker.call(backend::increment)).isEqualTo(1);
        backend.down = true;
        assertThatThrownBy(() -> breaker.call(backend::increment)).hasMessage("timed out");
        assertThat(breaker.isOpen()).isTrue();
        backend.down = false;
        for (int i = 0; i < 100; i++) {
            assertThatThrownBy(() -> breaker.call(backend::increment)).isInstanceOf(StoreUnavailableException.class)
                    .hasMessageContaining("usage counter skipped");
        }
        now.addAndGet(Duration.ofSeconds(9).toNanos());
        assertThatThrownBy(() -> breaker.call(backend::increment)).isInstanceOf(StoreUnavailableException.class);
        assertThat(backend.calls).as("nothing reached the backend while open").hasValue(2);
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(breaker.call(backend::increment)).isEqualTo(1);
        assertThat(breaker.isOpen()).isFalse();
        assertThat(breaker.call(backend::increment)).isEqualTo(1);
        assertThat(backend.calls).hasValue(4);
    }

    @Test
    void a_failed_probe_opens_the_breaker_for_another_window() {
        backend.down = true;
        assertThatThrownBy(() -> breaker.call(backend::increment)).hasMessage("timed out");
        now.addAndGet(Duration.ofSeconds(10).toNanos());
        assertThatThrownBy(() -> breaker.call(backend::increment)).hasMessage("timed out");
        assertThat(backend.calls).hasValue(2);
        now.addAndGet(Duration.ofSeconds(5).toNanos());
        assertThatThrownBy(() -> breaker.call(backend::increment)).hasMessageContaining("circuit open");
        assertThat(backend.calls).hasValue(2);
    }

    @Test
    void while_a_probe_is_in_flight_the_other_calls_still_fail_at_once() throws Exception {
        backend.down = true;
        assertThatThrownBy(() -> breaker.call(backend::increment)).isInstanceOf(StoreUnavailableException.class);
        now.addAndGet(Duration.ofSeconds(11).toNanos());
        CountDownLatch inProbe = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread probe = new Thread(() -> breaker.call(() -> {
            inProbe.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 1L;
        }));
        probe.start();
        inProbe.await();
        assertThatThrownBy(() -> breaker.call(backend::increment)).hasMessageContaining("circuit open");
        release.countDown();
        probe.join();
        backend.down = false;
        assertThat(breaker.call(backend::increment)).isEqualTo(1);
        assertThat(breaker.isOpen()).isFalse();
    }

    @Test
    void other_exceptions_pass_through_and_do_not_open_it() {
        assertThatThrownBy(() -> breaker.call(() -> {
            throw new IllegalStateException("bug");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(breaker.isOpen()).isFalse();
        assertThat(breaker.call(backend::increment)).isEqualTo(1);
    }
}
