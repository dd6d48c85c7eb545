package org.ichnaea.core.locate.fallback;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Cached fallback answers, one entry per network key. Faults surface as
 * {@link org.ichnaea.core.StoreUnavailableException} and count as misses.
 */
public interface FallbackCache {

    /** The cached answer of each key, in the order of the keys; empty where nothing is cached. */
    List<Optional<FallbackAnswer>> getAll(List<String> keys);

    /** Caches the answer under every key for {@code ttl}. */
    void putAll(List<String> keys, FallbackAnswer answer, Duration ttl);
}
