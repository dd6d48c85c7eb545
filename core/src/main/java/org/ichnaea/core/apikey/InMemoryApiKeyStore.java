package org.ichnaea.core.apikey;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** API keys in a map. */
public final class InMemoryApiKeyStore implements ApiKeyStore {

    private final ConcurrentMap<String, ApiKey> keys = new ConcurrentHashMap<>();

    @Override
    public Optional<ApiKey> findByKey(String key) {
        return key == null ? Optional.empty() : Optional.ofNullable(keys.get(key));
    }

    @Override
    public List<ApiKey> findAll() {
        return keys.values().stream().sorted(Comparator.comparing(ApiKey::validKey)).toList();
    }

    @Override
    public void save(ApiKey key) {
        keys.put(key.validKey(), key);
    }

    @Override
    public boolean delete(String key) {
        return keys.remove(key) != null;
    }
}
