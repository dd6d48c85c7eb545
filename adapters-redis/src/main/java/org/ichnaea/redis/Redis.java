package org.ichnaea.redis;

import java.net.URI;
import java.time.Duration;
import java.util.function.Supplier;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.ichnaea.core.CircuitBreaker;
import org.ichnaea.core.StoreUnavailableException;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisException;

/**
 * A Redis connection pool ({@link RedisClient}, Jedis 8) opened from {@code redis://HOST:PORT/DB}. {@link #open} is
 * the pool of the pipeline, the jobs, the submit queue and the heartbeat: 20 connections, 1 s to connect, 2 s per
 * command, so an outage reaches the engine quickly as {@link StoreUnavailableException}. {@link #openForRequests} is
 * the web tier's pool for what a locate request reads and counts (usage counters, fallback cache and rate limit,
 * sample rate): 500 ms to connect and per command, no retry, and a {@link CircuitBreaker} that skips Redis for 10 s
 * after one failure, so a stalled Redis costs at most one short wait, not one per request.
 */
public final class Redis implements AutoCloseable {

    /** Per command and to connect, on the request path. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofMillis(500);
    /** How long the request path skips Redis after a failure. */
    public static final Duration REQUEST_SKIP = Duration.ofSeconds(10);

    private final RedisClient client;
    private final String description;
    /** Null: every call goes to Redis. */
    private final CircuitBreaker breaker;

    private Redis(RedisClient client, String description, CircuitBreaker breaker) {
        this.client = client;
        this.description = description;
        this.breaker = breaker;
    }

    /** Opens a pool for {@code redis://HOST[:PORT][/DB]}; the connection is made lazily. */
    public static Redis open(String uri) {
        return open(uri, Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(1), null);
    }

    /**
     * Opens the request path's pool: 500 ms to connect and per command, 250 ms to wait for a free connection,
     * and Redis skipped for 10 s after a failure ({@link #REQUEST_SKIP}).
     */
    public static Redis openForRequests(String uri) {
        return open(uri, REQUEST_TIMEOUT, REQUEST_TIMEOUT, Duration.ofMillis(250),
                new CircuitBreaker("redis (request path)", REQUEST_SKIP));
    }

    /** Opens a pool with these timeouts and, unless null, this breaker around every call. */
    public static Redis open(String uri, Duration connect, Duration command, Duration poolWait,
                             CircuitBreaker breaker) {
        URI parsed;
        try {
            parsed = URI.create(uri.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("REDIS_URI: not a redis:// URI");
        }
        if (!"redis".equals(parsed.getScheme()) || parsed.getHost() == null) {
            throw new IllegalArgumentException("REDIS_URI: expected redis://HOST:PORT/DB, got " + uri);
        }
        int port = parsed.getPort() < 0 ? 6379 : parsed.getPort();
        int db = 0;
        String path = parsed.getPath();
        if (path != null && path.length() > 1) {
            try {
                db = Integer.parseInt(path.substring(1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("REDIS_URI: the database must be a number, got " + path);
            }
        }
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis((int) connect.toMillis()).socketTimeoutMillis((int) command.toMillis())
                .database(db).clientName("ichnaea");
        if (parsed.getUserInfo() != null) {
            String[] parts = parsed.getUserInfo().split(":", 2);
            if (parts.length == 2) {
                if (!parts[0].isEmpty()) {
                    config.user(parts[0]);
                }
                config.password(parts[1]);
            }
        }
        GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
        pool.setMaxTotal(20);
        pool.setMaxIdle(20);
        pool.setMaxWait(poolWait);
        RedisClient client = RedisClient.builder().hostAndPort(new HostAndPort(parsed.getHost(), port))
                .clientConfig(config.build()).poolConfig(pool).build();
        return new Redis(client, parsed.getHost() + ":" + port + "/" + db, breaker);
    }

    RedisClient client() {
        return client;
    }

    /** Runs a Redis call; a Redis fault becomes {@link StoreUnavailableException}. */
    <T> T call(String what, Supplier<T> command) {
        if (breaker != null) {
            return breaker.call(() -> direct(what, command));
        }
        return direct(what, command);
    }

    private static <T> T direct(String what, Supplier<T> command) {
        try {
            return command.get();
        } catch (JedisException e) {
            throw new StoreUnavailableException("redis " + what + " failed: " + e.getMessage(), e);
        }
    }

    /** PING; throws {@link StoreUnavailableException} when Redis does not answer. */
    public void ping() {
        call("ping", client::ping);
    }

    public String description() {
        return description;
    }

    @Override
    public void close() {
        client.close();
    }
}
