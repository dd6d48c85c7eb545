/**
 * Redis adapters (Jedis 8), on Ichnaea's keys where Ichnaea had them (docs/architecture.md "Redis keys and database
 * tables the server uses"): report queues as lists with claims, API-key usage counters and unique users, the
 * fallback cache and rate limit, the global locate sample rate, the daily stat counters, the rate controller's knobs
 * and state, and the lock that runs each exclusive periodic job in one process at a time. Every Redis fault reaches
 * core as StoreUnavailableException.
 */
package org.ichnaea.redis;
