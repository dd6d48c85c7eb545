package org.ichnaea.core.locate.fallback;

import org.ichnaea.core.apikey.ApiKey;
import org.ichnaea.core.locate.LocateQuery;

/** An external geolocation service asked when the internal answer is not good enough (docs/algorithms.md §9). */
public interface FallbackClient {

    /**
     * Asks the provider configured on the key (schema, URL) about the query's networks.
     *
     * @throws FallbackException when the provider fails or answers something unreadable
     */
    FallbackAnswer locate(ApiKey key, LocateQuery query);
}
