package org.ichnaea.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.ichnaea.core.StoreUnavailableException;
import org.ichnaea.core.apikey.ApiKey;
import org.ichnaea.core.apikey.ApiKeyStore;
import org.ichnaea.core.apikey.InMemoryApiKeyStore;
import org.junit.jupiter.api.Test;

/** docs/api.md "API keys": keys cached in-process, hits and misses, bounded lifetime. */
class CachingApiKeyStoreTest {

    /** Counts lookups reaching the real store, and can be taken down. */
    static final class CountingStore implements ApiKeyStore {
        final InMemoryApiKeyStore keys = new InMemoryApiKeyStore();
        final AtomicInteger lookups = new AtomicInteger();
        volatile boolean down;

        @Override
        public Optional<ApiKey> findByKey(String key) {
            lookups.incrementAndGet();
            if (down) {
                throw new StoreUnavailableException("database down");
            }
            return keys.findByKey(key);
        }

        @Override
        public List<ApiKey> findAll() {
            return keys.findAll();
        }

        @Override
        public void save(ApiKey key) {
            keys.save(key);
        }

        @Override
        public boolean delete(String key) {
            return keys.delete(key);
        }
    }

    private final CountingStore store = new CountingStore();
    private final AtomicLong nanos = new AtomicLong();
    private final CachingApiKeyStore cache = new CachingApiKeyStore(store, Duration.ofSeconds(300), nanos::get);

    @Test
    void a_steady_stream_of_requests_with_one_key_costs_one_query() {
        store.save(ApiKey.unlimited("k"));
        for (int i = 0; i < 1000; i++) {
            assertThat(cache.findByKey("k")).isPresent();
        }
        assertThat(store.lookups).hasValue(1);
    }

    @Test
    void unknown_keys_are_cached_too() {
        for (int i = 0; i < 10; i++) {
            assertThat(cache.findByKey("nope")).isEmpty();
        }
        assertThat(store.lookups).hasValue(1);
    }

    @Test
    void entries_expire_after_their_lifetime() {
        store.save(ApiKey.unlimited("k"));
        cache.findByKey("k");
        nanos.addAndGet(Duration.ofSeconds(299).toNanos());
        cache.findByKey("k");
        assertThat(store.lookups).hasValue(1);
        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        cache.findByKey("k");
        assertThat(store.lookups).hasValue(2);
    }

    @Test
    void a_miss_is_remembered_for_three_seconds_only() {
        assertThat(cache.findByKey("late")).isEmpty();
        store.save(ApiKey.unlimited("late"));
        nanos.addAndGet(Duration.ofMillis(2900).toNanos());
        assertThat(cache.findByKey("late")).as("still the cached miss").isEmpty();
        nanos.addAndGet(Duration.ofMillis(200).toNanos());
        assertThat(cache.findByKey("late")).as("created meanwhile, by another process").isPresent();
        assertThat(store.lookups).hasValue(2);
        nanos.addAndGet(Duration.ofSeconds(200).toNanos());
        assertThat(cache.findByKey("late")).as("a hit lasts its full lifetime").isPresent();
        assertThat(store.lookups).hasValue(2);
    }

    @Test
    void a_failed_lookup_is_not_cached() {
        store.save(ApiKey.unlimited("k"));
        store.down = true;
        assertThatThrownBy(() -> cache.findByKey("k")).isInstanceOf(StoreUnavailableException.class);
        store.down = false;
        assertThat(cache.findByKey("k")).isPresent();
    }

    @Test
    void writes_through_the_cache_evict_the_key() {
        cache.findByKey("k");
        cache.save(ApiKey.unlimited("k"));
        assertThat(cache.findByKey("k")).isPresent();
        assertThat(cache.delete("k")).isTrue();
        assertThat(cache.findByKey("k")).isEmpty();
    }

    @Test
    void the_default_lifetime_is_300_seconds_give_or_take_30() {
        assertThat(CachingApiKeyStore.BASE_LIFETIME).isEqualTo(Duration.ofSeconds(300));
        assertThat(CachingApiKeyStore.MAX_KEYS).isEqualTo(500);
        assertThat(CachingApiKeyStore.MISS_LIFETIME).isEqualTo(Duration.ofSeconds(3));
    }
}
