package org.ichnaea.core.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.ichnaea.core.StoreUnavailableException;
import org.junit.jupiter.api.Test;

/** Usage counted in memory and sent in batches (docs/api.md, "Usage counters"). */
class WriteBehindApiKeyUsageTest {

    private static final LocalDate DAY = LocalDate.of(2026, 6, 15);

    /** The in-memory store, refusing batches while {@code down} is set. */
    private static final class Store implements ApiKeyUsage {
        final InMemoryApiKeyUsage counts = new InMemoryApiKeyUsage();
        final AtomicBoolean down = new AtomicBoolean();
        int batches;

        @Override
        public long record(String key, ApiType type, String apiPath, String clientIp, LocalDate day) {
            return counts.record(key, type, apiPath, clientIp, day);
        }

        @Override
        public long recordAll(String key, ApiType type, String apiPath, Collection<String> clientIps, long requests,
                              LocalDate day) {
            if (down.get()) {
                throw new StoreUnavailableException("store down");
            }
            batches++;
            return counts.recordAll(key, type, apiPath, clientIps, requests, day);
        }

        @Override
        public long uniqueUsers(String key, ApiType type, LocalDate day) {
            return counts.uniqueUsers(key, type, day);
        }

        @Override
        public Map<String, Long> counts(String key, LocalDate day) {
            return counts.counts(key, day);
        }

        @Override
        public Set<String> keysUsed(LocalDate day) {
            return counts.keysUsed(day);
        }
    }

    @Test
    void counts_exactly_in_one_process_and_sends_one_batch_per_counter() {
        Store store = new Store();
        try (WriteBehindApiKeyUsage usage = new WriteBehindApiKeyUsage(store, Duration.ofHours(1))) {
            for (int i = 1; i <= 5; i++) {
                assertThat(usage.record("k", ApiType.LOCATE, "v1.geolocate", "10.0.0." + (i % 2), DAY)).isEqualTo(i);
            }
            assertThat(store.counts("k", DAY)).as("nothing sent before the batch").isEmpty();
            usage.flush();
            assertThat(store.batches).isEqualTo(1);
            assertThat(store.counts("k", DAY)).isEqualTo(Map.of("v1.geolocate", 5L));
            assertThat(store.uniqueUsers("k", ApiType.LOCATE, DAY)).isEqualTo(2);
            assertThat(usage.record("k", ApiType.LOCATE, "v1.geolocate", "10.0.0.1", DAY)).isEqualTo(6);
        }
        assertThat(store.counts("k", DAY)).as("sent at close").isEqualTo(Map.of("v1.geolocate", 6L));
    }

    @Test
    void learns_what_other_processes_counted_at_each_batch() {
        Store store = new Store();
        try (WriteBehindApiKeyUsage usage = new WriteBehindApiKeyUsage(store, Duration.ofHours(1))) {
            usage.record("k", ApiType.LOCATE, "v1.geolocate", "10.0.0.1", DAY);
            store.record("k", ApiType.LOCATE, "v1.geolocate", "10.0.0.9", DAY); // another web process, 10 times
            store.recordAll("k", ApiType.LOCATE, "v1.geolocate", Set.of(), 9, DAY);
            assertThat(usage.record("k", ApiType.LOCATE, "v1.geolocate", "10.0.0.1", DAY)).isEqualTo(2);
            usage.flush();
            assertThat(usage.record("k", ApiType.LOCATE, "v1.geolocate", "10.0.0.1", DAY)).isEqualTo(13);
        }
    }

    @Test
    void a_failed_batch_is_sent_with_the_next_one() {
        Store store = new Store();
        try (WriteBehindApiKeyUsage usage = new WriteBehindApiKeyUsage(store, Duration.ofHours(1))) {
            usage.record("k", ApiType.LOCATE, "v1.geolocate", "10.0.0.1", DAY);
            usage.record("k", ApiType.LOCATE, "v1.geolocate", "10.0.0.2", DAY);
            store.down.set(true);
            usage.flush();
            assertThat(usage.record("k", ApiType.LOCATE, "v1.geolocate", "10.0.0.3", DAY))
                    .as("still counted while the store is down").isEqualTo(3);
            store.down.set(false);
            usage.flush();
            assertThat(store.counts("k", DAY)).isEqualTo(Map.of("v1.geolocate", 3L));
            assertThat(store.uniqueUsers("k", ApiType.LOCATE, DAY)).isEqualTo(3);
        }
    }

    @Test
    void sends_by_itself_every_period() throws Exception {
        Store store = new Store();
        try (WriteBehindApiKeyUsage usage = new WriteBehindApiKeyUsage(store, Duration.ofMillis(20))) {
            usage.record("k", ApiType.LOCATE, "v1.geolocate", "10.0.0.1", DAY);
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10))
                    .until(() -> !store.counts("k", DAY).isEmpty());
            assertThat(store.counts("k", DAY)).isEqualTo(Map.of("v1.geolocate", 1L));
        }
    }
}
