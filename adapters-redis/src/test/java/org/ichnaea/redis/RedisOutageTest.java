package org.ichnaea.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.util.List;
import org.ichnaea.core.StoreUnavailableException;
import org.ichnaea.core.testing.TestReports;
import org.junit.jupiter.api.Test;

/** A Redis that is not there reaches core as StoreUnavailableException within about a second. */
class RedisOutageTest {

    @Test
    void every_adapter_fails_fast_with_store_unavailable() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (Redis redis = Redis.open("redis://127.0.0.1:" + port + "/0")) {
            long start = System.nanoTime();
            assertThatThrownBy(redis::ping).isInstanceOf(StoreUnavailableException.class);
            assertThatThrownBy(() -> RedisDataQueue.incoming(redis, "q").enqueue(List.of(TestReports.full(1))))
                    .isInstanceOf(StoreUnavailableException.class);
            assertThatThrownBy(() -> new RedisLocateSampleRate(redis).percent())
                    .isInstanceOf(StoreUnavailableException.class);
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(10_000);
        }
    }

    @Test
    void malformed_uris_are_refused_with_a_reason() {
        assertThatThrownBy(() -> Redis.open("http://x")).hasMessageStartingWith("REDIS_URI: expected redis://");
        assertThatThrownBy(() -> Redis.open("redis://h:6379/zero")).hasMessageContaining("must be a number");
    }
}
