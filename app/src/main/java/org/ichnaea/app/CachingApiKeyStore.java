package org.ichnaea.app;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.ichnaea.core.apikey.ApiKey;
import org.ichnaea.core.apikey.ApiKeyStore;

/**
 * An in-process cache in front of another key store (docs/api.md "API keys"): at most 500 keys, each found key
 * kept for 300 s ± up to 30 s (chosen once per process), so a steady stream of requests with one key costs no query
 * per request. A key that was not found is remembered for {@link #MISS_LIFETIME} only (Ichnaea kept misses as long
 * as hits): a key created by {@code apikey create}, in another process, works within seconds even if a client tried
 * it before, while a client repeating an unknown key still costs at most one query per 3 s. A lookup that fails is
 * not cached. Writes through this cache evict at once.
 */
public final class CachingApiKeyStore implements ApiKeyStore {

    public static final int MAX_KEYS = 500;
    public static final Duration BASE_LIFETIME = Duration.ofSeconds(300);
    /** How long a key that was not found stays unknown to this process. */
    public static final Duration MISS_LIFETIME = Duration.ofSeconds(3);

    private final ApiKeyStore delegate;
    private final Cache<String, Optional<ApiKey>> cache;

    public CachingApiKeyStore(ApiKeyStore delegate) {
        this(delegate, BASE_LIFETIME.plusSeconds(ThreadLocalRandom.current().nextLong(-30, 31)), Ticker.systemTicker());
    }

    public CachingApiKeyStore(ApiKeyStore delegate, Duration lifetime, Ticker ticker) {
        this(delegate, lifetime, MISS_LIFETIME, ticker);
    }

    /** With the lifetime of found keys and of misses. */
    public CachingApiKeyStore(ApiKeyStore delegate, Duration lifetime, Duration missLifetime, Ticker ticker) {
        this.delegate = delegate;
        long hitNanos = lifetime.toNanos();
        long missNanos = missLifetime.toNanos();
        this.cache = Caffeine.newBuilder().maximumSize(MAX_KEYS).ticker(ticker)
                .expireAfter(new Expiry<String, Optional<ApiKey>>() {
                    @Override
                    public long expireAfterCreate(String key, Optional<ApiKey> value, long currentTime) {
                        return value.isPresent() ? hitNanos : missNanos;
                    }

                    @Override
                    public long expireAfterUpdate(String key, Optional<ApiKey> value, long currentTime,
                                                  long currentDuration) {
                        return expireAfterCreate(key, value, currentTime);
                    }

                    @Override
                    public long expireAfterRead(String key, Optional<ApiKey> value, long currentTime,
                                                long currentDuration) {
                        return currentDuration;
                    }
                }).build();
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
