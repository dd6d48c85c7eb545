package org.ichnaea.redis;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.ichnaea.core.CircuitBreaker;
import org.ichnaea.core.StoreUnavailableException;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.RedisSentinelClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * A Redis connection pool (Jedis 8: {@link RedisClient}, {@link RedisSentinelClient} behind Sentinels, or
 * {@link RedisClusterClient} for a Redis Cluster) opened from {@code REDIS_URI} ({@code redis://}, {@code rediss://},
 * {@code redis-sentinel://} or {@code redis-cluster://}). On a cluster every multi-key call of the adapters stays
 * within one hash slot (docs/storage.md "Redis keys"). {@link #open} is
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

    private final UnifiedJedis client;
    private final String description;
    private final boolean cluster;
    /** Replicas a queue write must reach before it counts as stored (WAIT); 0: the master's word. */
    private volatile int replicasToWait;
    /** Null: every call goes to Redis. */
    private final CircuitBreaker breaker;

    private Redis(UnifiedJedis client, String description, boolean cluster, CircuitBreaker breaker) {
        this.client = client;
        this.description = description;
        this.cluster = cluster;
        this.breaker = breaker;
    }

    /** Opens a pool for {@code uri} (see {@link #open(String, Path, Duration, Duration, Duration, CircuitBreaker)}). */
    public static Redis open(String uri) {
        return open(uri, null);
    }

    /** The same, trusting the certificates of {@code caFile} (PEM) for {@code rediss://}; null: the JDK's. */
    public static Redis open(String uri, Path caFile) {
        return open(uri, caFile, Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(1), null);
    }

    /**
     * Opens the request path's pool: 500 ms to connect and per command, 250 ms to wait for a free connection,
     * and Redis skipped for 10 s after a failure ({@link #REQUEST_SKIP}).
     */
    public static Redis openForRequests(String uri) {
        return openForRequests(uri, null);
    }

    /** The same, with a CA file for {@code rediss://}. */
    public static Redis openForRequests(String uri, Path caFile) {
        return open(uri, caFile, REQUEST_TIMEOUT, REQUEST_TIMEOUT, Duration.ofMillis(250),
                new CircuitBreaker("redis (request path)", REQUEST_SKIP));
    }

    /** Opens a pool with these timeouts and, unless null, this breaker around every call (no CA file). */
    public static Redis open(String uri, Duration connect, Duration command, Duration poolWait,
                             CircuitBreaker breaker) {
        return open(uri, null, connect, command, poolWait, breaker);
    }

    /**
     * Opens a pool; the connection is made lazily. {@code uri} is one of (docs/configuration.md, {@code REDIS_URI}):
     * <ul>
     *   <li>{@code redis://[USER:PASSWORD@]HOST[:PORT][/DB]}: one server;</li>
     *   <li>{@code rediss://...}: the same over TLS, the server's certificate checked against {@code caFile} (PEM)
     *       or, without one, the JDK's trusted authorities;</li>
     *   <li>{@code redis-sentinel://[USER:PASSWORD@]MASTER@HOST:PORT[,HOST:PORT...][/DB]}: the current master of
     *       {@code MASTER} as the Sentinels name it, followed across failovers (Jedis' {@link RedisSentinelClient});
     *       the credentials are the master's, the Sentinels are asked without.</li>
     *   <li>{@code redis-cluster://[USER:PASSWORD@]HOST:PORT[,HOST:PORT...]}: a Redis Cluster (database 0), found
     *       from any of these nodes and followed across resharding and failovers (Jedis' {@link RedisClusterClient}:
     *       up to 5 attempts of a command within twice the command timeout).</li>
     * </ul>
     */
    public static Redis open(String uri, Path caFile, Duration connect, Duration command, Duration poolWait,
                             CircuitBreaker breaker) {
        Target target = Target.parse(uri);
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis((int) connect.toMillis()).socketTimeoutMillis((int) command.toMillis())
                .database(target.db).clientName("ichnaea");
        if (target.password != null) {
            if (target.user != null && !target.user.isEmpty()) {
                config.user(target.user);
            }
            config.password(target.password);
        }
        if (target.tls) {
            config.ssl(true);
            if (caFile != null) {
                config.sslSocketFactory(Tls.trusting(caFile));
            }
        }
        GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
        pool.setMaxTotal(20);
        pool.setMaxIdle(20);
        pool.setMaxWait(poolWait);
        UnifiedJedis client;
        if (target.cluster) {
            client = RedisClusterClient.builder().nodes(new HashSet<>(target.hosts)).clientConfig(config.build())
                    .poolConfig(pool).maxAttempts(5).maxTotalRetriesDuration(command.multipliedBy(2)).build();
        } else if (target.master != null) {
            client = RedisSentinelClient.builder().masterName(target.master).sentinels(new HashSet<>(target.hosts))
                    .clientConfig(config.build()).poolConfig(pool)
                    .sentinelClientConfig(DefaultJedisClientConfig.builder()
                            .connectionTimeoutMillis((int) connect.toMillis())
                            .socketTimeoutMillis((int) command.toMillis()).clientName("ichnaea").build())
                    .build();
        } else {
            client = RedisClient.builder().hostAndPort(target.hosts.get(0)).clientConfig(config.build())
                    .poolConfig(pool).build();
        }
        return new Redis(client, target.description(), target.cluster, breaker);
    }

    /** What a {@code REDIS_URI} names. */
    record Target(boolean tls, boolean cluster, String master, List<HostAndPort> hosts, int db, String user,
                  String password) {

        static Target parse(String uri) {
            String text = uri == null ? "" : uri.trim();
            int colon = text.indexOf("://");
            String scheme = colon < 0 ? "" : text.substring(0, colon).toLowerCase(Locale.ROOT);
            if (!scheme.equals("redis") && !scheme.equals("rediss") && !scheme.equals("redis-sentinel")
                    && !scheme.equals("redis-cluster")) {
                throw new IllegalArgumentException("REDIS_URI: expected redis://HOST:PORT/DB, rediss://HOST:PORT/DB, "
                        + "redis-sentinel://MASTER@HOST:PORT,HOST:PORT/DB or redis-cluster://HOST:PORT,HOST:PORT, got "
                        + redact(text));
            }
            boolean cluster = scheme.equals("redis-cluster");
            String rest = text.substring(colon + 3);
            int slash = rest.indexOf('/');
            String authority = slash < 0 ? rest : rest.substring(0, slash);
            String path = slash < 0 ? "" : rest.substring(slash + 1);
            int db = 0;
            if (!path.isEmpty()) {
                try {
                    db = Integer.parseInt(path);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("REDIS_URI: the database must be a number, got /" + path);
                }
            }
            String user = null;
            String password = null;
            String master = null;
            int at = authority.lastIndexOf('@');
            String hostsPart = at < 0 ? authority : authority.substring(at + 1);
            String before = at < 0 ? null : authority.substring(0, at);
            if (scheme.equals("redis-sentinel")) {
                if (before == null || before.isEmpty()) {
                    throw new IllegalArgumentException("REDIS_URI: redis-sentinel:// needs the master's name, as "
                            + "redis-sentinel://MASTER@HOST:PORT,HOST:PORT/DB");
                }
                int inner = before.lastIndexOf('@');
                master = inner < 0 ? before : before.substring(inner + 1);
                before = inner < 0 ? null : before.substring(0, inner);
            }
            if (before != null) {
                int sep = before.indexOf(':');
                if (sep >= 0) {
                    user = decode(before.substring(0, sep));
                    password = decode(before.substring(sep + 1));
                }
            }
            List<HostAndPort> hosts = new ArrayList<>();
            for (String host : hostsPart.split(",")) {
                if (host.isBlank()) {
                    continue;
                }
                hosts.add(hostAndPort(host.trim(), master != null ? 26379 : 6379));
            }
            if (hosts.isEmpty()) {
                throw new IllegalArgumentException("REDIS_URI: no host in " + redact(text));
            }
            if (master == null && !cluster && hosts.size() > 1) {
                throw new IllegalArgumentException("REDIS_URI: several hosts need redis-sentinel://MASTER@... or "
                        + "redis-cluster://, got " + redact(text));
            }
            if (cluster && db != 0) {
                throw new IllegalArgumentException("REDIS_URI: a Redis Cluster has only database 0, got /" + db);
            }
            return new Target(scheme.equals("rediss"), cluster, master, hosts, db, user, password);
        }

        private static HostAndPort hostAndPort(String text, int defaultPort) {
            String host = text;
            int port = defaultPort;
            int sep = text.lastIndexOf(':');
            if (sep > 0 && !text.endsWith("]")) {
                host = text.substring(0, sep);
                try {
                    port = Integer.parseInt(text.substring(sep + 1));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("REDIS_URI: not a port: " + text.substring(sep + 1));
                }
            }
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            if (host.isEmpty()) {
                throw new IllegalArgumentException("REDIS_URI: empty host");
            }
            return new HostAndPort(host, port);
        }

        private static String decode(String text) {
            return java.net.URLDecoder.decode(text, java.nio.charset.StandardCharsets.UTF_8);
        }

        private static String redact(String text) {
            return text.replaceAll("//[^@/]*:[^@/]*@", "//***@");
        }

        String description() {
            String hostList = String.join(",", hosts.stream().map(h -> h.getHost() + ":" + h.getPort()).toList());
            if (cluster) {
                return "cluster " + hostList;
            }
            return (tls ? "tls " : "") + (master != null ? "sentinel " + master + "@" : "") + hostList + "/" + db;
        }
    }

    UnifiedJedis client() {
        return client;
    }

    /**
     * Makes queue writes wait (Redis {@code WAIT}, up to {@link #REPLICA_WAIT}) until {@code replicas} replicas have
     * them, and fail when fewer do: a report acknowledged then survives the promotion of a replica after the loss
     * of its master (Sentinel or cluster failover), which asynchronous replication alone does not promise.
     */
    public Redis requireReplicas(int replicas) {
        if (replicas < 0) {
            throw new IllegalArgumentException("replicas to wait for: " + replicas);
        }
        this.replicasToWait = replicas;
        return this;
    }

    /** How long a queue write waits for its replicas. */
    public static final Duration REPLICA_WAIT = Duration.ofSeconds(1);

    int replicasToWait() {
        return replicasToWait;
    }

    /** Whether this is a Redis Cluster ({@code redis-cluster://}): multi-key calls must stay within one slot. */
    public boolean isCluster() {
        return cluster;
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
