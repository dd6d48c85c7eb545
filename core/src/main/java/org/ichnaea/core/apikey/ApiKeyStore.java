package org.ichnaea.core.apikey;

import java.util.List;
import java.util.Optional;

/** Where API keys are kept. Faults surface as {@link org.ichnaea.core.StoreUnavailableException}. */
public interface ApiKeyStore {

    Optional<ApiKey> findByKey(String key);

    List<ApiKey> findAll();

    /** Inserts or replaces the key. */
    void save(ApiKey key);

    /** Deletes the key; answers whether it existed. */
    boolean delete(String key);
}
