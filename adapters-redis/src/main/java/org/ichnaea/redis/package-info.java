/**
 * Redis adapters (Jedis 8): report queues as lists, API-key usage counters and unique users, the fallback cache and
 * rate limit, and the global locate sample rate. Every Redis fault reaches core as StoreUnavailableException.
 */
package org.ichnaea.redis;
