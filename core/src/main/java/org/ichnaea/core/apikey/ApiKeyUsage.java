package org.ichnaea.core.apikey;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * Daily request counters per key and API path, and the set of client addresses per key, API type and day
 * (docs/api.md "Usage counters"; Redis {@code INCR apilimit:...} and {@code PFADD apiuser:...} in production).
 * Faults surface as {@link org.ichnaea.core.StoreUnavailableException}; callers fail open.
 */
public interface ApiKeyUsage {

    /**
     * Counts one request of {@code key} on {@code apiPath} (e.g. {@code v1.geolocate}) on {@code day}, remembers the
     * client address for unique-user counting, and returns the day's count including this request.
     */
    long record(String key, ApiType type, String apiPath, String clientIp, LocalDate day);

    /**
     * Counts {@code requests} requests of {@code key} on {@code apiPath} on {@code day} at once and remembers their
     * client addresses (a batch of {@link WriteBehindApiKeyUsage}); returns the day's count including them.
     */
    long recordAll(String key, ApiType type, String apiPath, java.util.Collection<String> clientIps, long requests,
                   LocalDate day);

    /** How many distinct client addresses used {@code key} for {@code type} on {@code day}. */
    long uniqueUsers(String key, ApiType type, LocalDate day);

    /**
     * The day's request count of {@code key} per API path (e.g. {@code {"v1.geolocate": 12}}), for the worker's
     * {@code monitor_api_key_limits}; empty when the key made no request that day.
     */
    Map<String, Long> counts(String key, LocalDate day);

    /** The keys with any request count on {@code day}. */
    Set<String> keysUsed(LocalDate day);
}
