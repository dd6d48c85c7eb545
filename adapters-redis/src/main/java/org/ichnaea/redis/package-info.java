/**
 * Redis adapters (Jedis), on Ichnaea's keys where Ichnaea had them (docs/configuration.md "Redis keys", and
 * docs/architecture.md "Redis keys and database tables the server uses"). {@link org.ichnaea.redis.Redis} opens the
 * deployment {@code REDIS_URI} names: a single server, over TLS ({@link org.ichnaea.redis.Tls}), behind Sentinel or a
 * Redis Cluster, through Jedis' own clients; every call names keys of one hash slot. The adapters: report queues as
 * lists with claims ({@link org.ichnaea.redis.RedisDataQueue}), spread over shards by
 * {@link org.ichnaea.redis.RedisQueues}, with an optional {@code WAIT} for replicas; API-key usage counters and unique
 * users; the fallback cache and rate limit; the global locate sample rate; the daily stat counters; the rate
 * controller's knobs and state; and the lock that runs each exclusive periodic job in one process at a time. Every
 * Redis fault reaches core as {@code StoreUnavailableException} (or {@code UnconfirmedWriteException} for a queue
 * write no replica confirmed).
 */
package org.ichnaea.redis;
