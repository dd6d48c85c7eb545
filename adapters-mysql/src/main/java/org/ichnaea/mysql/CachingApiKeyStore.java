package org.ichnaea.mysql;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.ichnaea.core.apikey.ApiKey;
import org.ichnaea.core.apikey.ApiKeyStore;

/**
 * An in-process cache in front of another key store (ichnaea-behaviour.md §2.2): at most 500 keys, each kept for
 * 300 s ± up to 30 s (chosen once per process), caching hits and misses, so a steady stream of requests with one key
 * costs no query per request. A lookup that fails is not cached. Writes go through and evict.
 */
public final class CachingApiKeyStore implements ApiKeyStore {

    public static final int MAX_KEYS = 500;
    public static final Duration BASE_LIFETIME = Duration.ofSeconds(300);

    private final ApiKeyStore delegate;
    private final Cache<String, Optional<ApiKey>> cache;

    public CachingApiKeyStore(ApiKeyStore delegate) {
        this(delegate, BASE_LIFETIME.plusSeconds(ThreadLocalRandom.current().nextLong(-30, 31)), Ticker.systemTicker());
    }

    public CachingApiKeyStore(ApiKeyStore delegate, Duration lifetime, Ticker ticker) {
        this.delegate = delegate;
        this.cache = Caffeine.newBuilder().maximumSize(MAX_KEYS).expireAfterWrite(lifetime).ticker(ticker).build();
    }

    @Override
    public Optional<ApiKey> findByKey(String key) {
        if (key == null) {
            return Optional.empty();
        }
        Optional<ApiKey> cached = cache.getIfPresent(key);
        if (cached != null) {
            return cached;
        }
        Optional<ApiKey> found = delegate.findByKey(key);
        cache.put(key, found);
        return found;
    }

    @Override
    public List<ApiKey> findAll() {
        return delegate.findAll();
    }

    @Override
    public void save(ApiKey key) {
        delegate.save(key);
        cache.invalidate(key.validKey());
    }

    @Override
    public boolean delete(String key) {
        boolean existed = delegate.delete(key);
        cache.invalidate(key);
        return existed;
    }
}
