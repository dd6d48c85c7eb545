package org.ichnaea.redis;

import java.net.URI;
import java.util.function.Supplier;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.ichnaea.core.StoreUnavailableException;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisException;

/**
 * One Redis connection pool ({@link RedisClient}, Jedis 8) for every Redis adapter of a process, opened from
 * {@code redis://HOST:PORT/DB}: 20 connections, 1 s to connect, 2 s per command, so an outage reaches the engine
 * quickly as {@link StoreUnavailableException}.
 */
public final class Redis implements AutoCloseable {

    private final RedisClient client;
    private final String description;

    private Redis(RedisClient client, String description) {
        this.client = client;
        this.description = description;
    }

    /** Opens a pool for {@code redis://HOST[:PORT][/DB]}; the connection is made lazily. */
    public static Redis open(String uri) {
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
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder().connectionTimeoutMillis(1000)
                .socketTimeoutMillis(2000).database(db).clientName("ichnaea");
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
        pool.setMaxWait(java.time.Duration.ofSeconds(1));
        RedisClient client = RedisClient.builder().hostAndPort(new HostAndPort(parsed.getHost(), port))
                .clientConfig(config.build()).poolConfig(pool).build();
        return new Redis(client, parsed.getHost() + ":" + port + "/" + db);
    }

    RedisClient client() {
        return client;
    }

    /** Runs a Redis call; a Redis fault becomes {@link StoreUnavailableException}. */
    <T> T call(String what, Supplier<T> command) {
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
