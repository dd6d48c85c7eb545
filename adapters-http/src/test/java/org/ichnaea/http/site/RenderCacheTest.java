package org.ichnaea.http.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The cache itself; its expiry by the site's clock is in {@code SiteStatsTest} (59 s kept, 61 s rendered again). */
class RenderCacheTest {

    private final RenderCache cache = new RenderCache(Clock.systemUTC(), Duration.ofMinutes(1));

    @Test
    void aFailureIsNotCachedAndTheNextCallComputesAgain() {
        assertThatThrownBy(() -> cache.get("stats", () -> {
            throw new IllegalStateException("store down");
        })).isInstanceOf(IllegalStateException.class).hasMessage("store down");

        assertThat(cache.get("stats", () -> "page")).isEqualTo("page");
        assertThat(cache.get("stats", () -> "other")).as("cached").isEqualTo("page");
        assertThat(cache.get("regions", () -> "other")).as("another key").isEqualTo("other");
    }

    @Test
    void oneComputationPerKeyAtATime() throws Exception {
        AtomicInteger computations = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> pages = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                pages.add(pool.submit(() -> {
                    start.await();
                    return cache.get("home", () -> {
                        computations.incrementAndGet();
                        sleep();
                        return "home page";
                    });
                }));
            }
            start.countDown();
            for (Future<String> page : pages) {
                assertThat(page.get()).isEqualTo("home page");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(computations).hasValue(1);
    }

    /** A slow render, so that the other requests arrive while it runs. */
    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
