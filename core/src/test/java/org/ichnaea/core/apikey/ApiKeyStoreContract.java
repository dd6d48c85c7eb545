package org.ichnaea.core.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every API-key store does; run against the fake and each real adapter. */
public abstract class ApiKeyStoreContract {

    protected ApiKeyStore store;

    protected abstract ApiKeyStore newStore();

    @BeforeEach
    void createStore() {
        store = newStore();
    }

    @Test
    void gives_back_every_field() {
        ApiKey key = new ApiKey("geoclue_debian", 5000, true, true, false, "provider", FallbackSchema.UNWIREDLABS_V1,
                "https://example.test/v2/process.php#token", 10, 60, 86400, 50, 25);
        store.save(key);

        assertThat(store.findByKey("geoclue_debian")).contains(key);
        assertThat(store.findByKey("unknown")).isEmpty();
    }

    @Test
    void keeps_nullable_limits_null() {
        ApiKey key = ApiKey.unlimited("k-1");
        store.save(key);

        assertThat(store.findByKey("k-1")).contains(key);
        assertThat(store.findByKey("k-1").orElseThrow().maxreq()).isNull();
    }

    @Test
    void lists_replaces_and_deletes() {
        store.save(ApiKey.withDefaults("b"));
        store.save(ApiKey.withDefaults("a"));
        store.save(ApiKey.unlimited("b"));

        assertThat(store.findAll()).extracting(ApiKey::validKey).containsExactly("a", "b");
        assertThat(store.findByKey("b").orElseThrow().maxreq()).isNull();
        assertThat(store.delete("a")).isTrue();
        assertThat(store.delete("a")).isFalse();
        assertThat(store.findAll()).extracting(ApiKey::validKey).containsExactly("b");
    }
}
