package org.ichnaea.redis;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.ichnaea.core.queue.DataQueue;
import org.ichnaea.core.queue.Leases;
import org.ichnaea.core.queue.QueueOwner;
import org.ichnaea.core.queue.UnconfirmedWriteException;
import org.ichnaea.core.submit.IncomingReport;
import org.ichnaea.core.submit.IncomingReportCodec;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;

/**
 * A queue as a Redis list (Ichnaea's own layout: one list per queue, docs/architecture.md): RPUSH in chunks then
 * EXPIRE 24 h. Claims are the reliable queue pattern: one Lua script moves the head of the list to a claim list
 * {@code {<name>}:claim:<id>} and records the claim's lease deadline in the sorted set {@code {<name>}:claims} and
 * its owner in the hash {@code {<name>}:owners}, so nothing taken is ever only in a client's memory. The braces are a
 * hash tag: on a Redis Cluster these keys share the slot of the list {@code <name>} itself (whose slot is that of
 * its whole name), so every script runs on one node. Earlier builds named them without braces; {@link #recover}
 * also brings back claims left under those names (not on a cluster, which those builds could not use). Acknowledging deletes the claim list;
 * releasing, or recovering an abandoned claim (expired lease, or a dead process of this host), pushes its items
 * back onto the queue. Every step is one atomic script: a client that times out after Redis ran it leaves a claim
 * that comes back after its lease, never a loss.
 */
public final class RedisDataQueue<T> implements DataQueue<T> {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RedisDataQueue.class);

    /** A list idle for a day expires, as in Ichnaea. */
    public static final long EXPIRE_SECONDS = 86_400;
    private static final int CHUNK = 100;
    private static final String NOW = "local t = redis.call('TIME') "
            + "local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000) ";
    private static final String DEQUEUE = "local items = redis.call('LRANGE', KEYS[1], 0, tonumber(ARGV[1]) - 1) "
            + "redis.call('LTRIM', KEYS[1], tonumber(ARGV[1]), -1) return items";
    /** KEYS: queue, claim list, claims, owners; ARGV: max, claim id, owner, lease ms, expiry s. */
    private static final String CLAIM = "local items = redis.call('LRANGE', KEYS[1], 0, tonumber(ARGV[1]) - 1) "
            + "if #items == 0 then return items end "
            + "redis.call('LTRIM', KEYS[1], #items, -1) "
            + "for i = 1, #items, 1000 do "
            + "  redis.call('RPUSH', KEYS[2], unpack(items, i, math.min(i + 999, #items))) end "
            + NOW
            + "redis.call('ZADD', KEYS[3], now + tonumber(ARGV[4]), ARGV[2]) "
            + "redis.call('HSET', KEYS[4], ARGV[2], ARGV[3]) "
            + "for i = 2, 4 do redis.call('EXPIRE', KEYS[i], ARGV[5]) end "
            + "return items";
    /** KEYS: claim list, claims, owners; ARGV: claim id. */
    private static final String ACK = "redis.call('DEL', KEYS[1]) redis.call('ZREM', KEYS[2], ARGV[1]) "
            + "redis.call('HDEL', KEYS[3], ARGV[1]) return 1";
    /** KEYS: queue, claim list, claims, owners; ARGV: claim id, expiry s. Answers how many items came back. */
    private static final String RELEASE = "local items = redis.call('LRANGE', KEYS[2], 0, -1) "
            + "for i = 1, #items, 1000 do "
            + "  redis.call('RPUSH', KEYS[1], unpack(items, i, math.min(i + 999, #items))) end "
            + "if #items > 0 then redis.call('EXPIRE', KEYS[1], ARGV[2]) end "
            + "redis.call('DEL', KEYS[2]) redis.call('ZREM', KEYS[3], ARGV[1]) redis.call('HDEL', KEYS[4], ARGV[1]) "
            + "return #items";
    /** KEYS: claims; ARGV: claim id, lease ms. */
    private static final String RENEW = NOW
            + "if redis.call('ZSCORE', KEYS[1], ARGV[1]) then "
            + "  redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[1]) return 1 end return 0";
    /** KEYS: claims; answers the ids of claims whose lease has run out. */
    private static final String EXPIRED = NOW + "return redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now - 1)";

    private final Redis redis;
    private final byte[] key;
    private final String name;
    private final Function<T, byte[]> encode;
    private final Function<byte[], T> decode;
    private final String owner;
    private final Duration lease;
    /** The set this queue's name is added to at its first enqueue (its shard registry), or null. */
    private volatile String registry;

    public RedisDataQueue(Redis redis, String name, Function<T, byte[]> encode, Function<byte[], T> decode) {
        this(redis, name, encode, decode, QueueOwner.self(), Leases.DEFAULT_LEASE);
    }

    /** A queue whose claims belong to {@code owner} and last {@code lease} without renewal. */
    public RedisDataQueue(Redis redis, String name, Function<T, byte[]> encode, Function<byte[], T> decode,
                          String owner, Duration lease) {
        if (name.indexOf('{') >= 0 || name.indexOf('}') >= 0) {
            throw new IllegalArgumentException("a queue name has no braces: " + name);
        }
        this.redis = redis;
        this.name = name;
        this.key = name.getBytes(StandardCharsets.UTF_8);
        this.encode = encode;
        this.decode = decode;
        this.owner = owner;
        this.lease = lease;
    }

    /** The queue of incoming reports, in core's {@link IncomingReportCodec} encoding. */
    public static RedisDataQueue<IncomingReport> incoming(Redis redis, String name) {
        return new RedisDataQueue<>(redis, name, IncomingReportCodec::encode, IncomingReportCodec::decode);
    }

    /** The same, with claims of {@code owner} and {@code lease}. */
    public static RedisDataQueue<IncomingReport> incoming(Redis redis, String name, String owner, Duration lease) {
        return new RedisDataQueue<>(redis, name, IncomingReportCodec::encode, IncomingReportCodec::decode, owner,
                lease);
    }

    /** The queue's name (its list's key). */
    public String name() {
        return name;
    }

    /** Adds this queue's name to the set {@code key} before its first items (RedisQueues' shard registry). */
    RedisDataQueue<T> registeredIn(String key) {
        this.registry = key;
        return this;
    }

    private String claims() {
        return "{" + name + "}:claims";
    }

    private String owners() {
        return "{" + name + "}:owners";
    }

    private String claimList(String id) {
        return "{" + name + "}:claim:" + id;
    }

    /** The list of a claim as earlier builds named it, with its sorted set and hash. */
    private static final String[] LEGACY = {":claims", ":owners", ":claim:"};

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void enqueue(List<T> items) {
        if (items.isEmpty()) {
            return;
        }
        byte[][] encoded = new byte[items.size()][];
        for (int i = 0; i < encoded.length; i++) {
            encoded[i] = encode.apply(items.get(i));
        }
        redis.call("enqueue " + name, () -> {
            String register = registry;
            if (register != null) {
                // Before the items: a consumer that reads the registry finds every shard that holds some.
                redis.client().sadd(register, name);
                registry = null;
            }
            int replicas = redis.replicasToWait();
            Response<Long> reached = null;
            // One pipeline: one round trip, and one connection, which WAIT needs (it waits for that
            // connection's writes).
            try (AbstractPipeline pipeline = redis.client().pipelined()) {
                for (int from = 0; from < encoded.length; from += CHUNK) {
                    pipeline.rpush(key, java.util.Arrays.copyOfRange(encoded, from,
                            Math.min(encoded.length, from + CHUNK)));
                }
                pipeline.expire(key, EXPIRE_SECONDS);
                if (replicas > 0) {
                    reached = pipeline.waitReplicas(key, replicas, Redis.REPLICA_WAIT.toMillis());
                }
                pipeline.sync();
            }
            if (reached != null && reached.get() < replicas) {
                // Stored on the master only: a failover now could lose it. Not acknowledged; the caller keeps
                // the items and writes them again (a duplicate, which the pipeline absorbs, rather than a loss).
                throw new UnconfirmedWriteException("redis enqueue " + name + ": " + reached.get() + " of "
                        + replicas + " replicas have the items after " + Redis.REPLICA_WAIT.toMillis() + " ms");
            }
            return null;
        });
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<T> dequeue(int max) {
        checkMax(max);
        List<byte[]> raw = redis.call("dequeue " + name, () -> (List<byte[]>) redis.client().eval(bytes(DEQUEUE),
                List.of(key), List.of(bytes(Integer.toString(max)))));
        return decodeAll(raw);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Claim<T> claim(int max) {
        checkMax(max);
        String id = UUID.randomUUID().toString();
        List<byte[]> raw = redis.call("claim " + name, () -> (List<byte[]>) redis.client().eval(bytes(CLAIM),
                List.of(key, bytes(claimList(id)), bytes(claims()), bytes(owners())),
                List.of(bytes(Integer.toString(max)), bytes(id), bytes(owner), bytes(Long.toString(lease.toMillis())),
                        bytes(Long.toString(EXPIRE_SECONDS)))));
        return new ListClaim(id, decodeAll(raw));
    }

    @Override
    public long recover() {
        long back = recover(claims(), owners(), this::claimList, false);
        if (!redis.isCluster()) {
            back += recover(name + LEGACY[0], name + LEGACY[1], id -> name + LEGACY[2] + id, true);
        }
        return back;
    }

    /** Releases the abandoned claims recorded in {@code claims} and {@code owners}: expired, or of a dead process. */
    @SuppressWarnings("unchecked")
    private long recover(String claims, String owners, Function<String, String> claimList, boolean legacy) {
        List<String> expired = redis.call("recover " + name, () -> (List<String>) redis.client().eval(EXPIRED,
                List.of(claims), List.of()));
        java.util.Set<String> abandoned = new java.util.LinkedHashSet<>(expired);
        Map<String, String> holders = redis.call("recover " + name, () -> redis.client().hgetAll(owners));
        holders.forEach((id, holder) -> {
            if (legacy || QueueOwner.isDeadLocal(holder)) {
                // A claim under the old names is a process of an earlier build: none renews it any more once
                // this build drains the queue, so it comes back at once rather than after its lease.
                abandoned.add(id);
            }
        });
        long back = 0;
        for (String id : abandoned) {
            back += release(id, claimList.apply(id), claims, owners);
        }
        if (back > 0) {
            LOG.warn("queue {}: {} items of {} abandoned claims{} are back in the queue", name, back,
                    abandoned.size(), legacy ? " (named as by earlier builds)" : "");
        }
        return back;
    }

    private long release(String id) {
        return release(id, claimList(id), claims(), owners());
    }

    private long release(String id, String claimList, String claims, String owners) {
        Object n = redis.call("release " + name, () -> redis.client().eval(RELEASE,
                List.of(name, claimList, claims, owners), List.of(id, Long.toString(EXPIRE_SECONDS))));
        return ((Number) n).longValue();
    }

    @Override
    public long size() {
        return redis.call("size " + name, () -> {
            long waiting = redis.client().llen(key);
            for (String id : redis.client().hkeys(owners())) {
                waiting += redis.client().llen(claimList(id));
            }
            return waiting;
        });
    }

    private static void checkMax(int max) {
        if (max <= 0) {
            throw new IllegalArgumentException("dequeue takes a positive count, not " + max);
        }
    }

    private List<T> decodeAll(List<byte[]> raw) {
        List<T> items = new ArrayList<>(raw.size());
        for (byte[] bytes : raw) {
            try {
                items.add(decode.apply(bytes));
            } catch (IllegalArgumentException e) {
                // Undecodable (an older format?): leave a trace rather than lose the rest of the batch.
                LOG.error("queue {}: dropped an undecodable item of {} bytes: {}", name, bytes.length, e.getMessage());
                org.ichnaea.core.queue.UndecodableItems.dropped();
            }
        }
        return items;
    }

    private final class ListClaim implements Claim<T>, Leases.Renewable {
        private final String id;
        private final List<T> items;
        private boolean done;

        ListClaim(String id, List<T> items) {
            this.id = id;
            this.items = List.copyOf(items);
            this.done = items.isEmpty();
            if (!done) {
                Leases.keep(this, lease);
            }
        }

        @Override
        public List<T> items() {
            return items;
        }

        @Override
        public synchronized void ack() {
            if (!done) {
                try {
                    redis.call("ack " + name, () -> redis.client().eval(ACK, List.of(claimList(id), claims(),
                            owners()), List.of(id)));
                } finally {
                    // Failed or not, the lease is no longer renewed: if the claim stays, it comes back after it.
                    finish();
                }
            }
        }

        @Override
        public synchronized void release() {
            if (!done) {
                try {
                    RedisDataQueue.this.release(id);
                } finally {
                    finish();
                }
            }
        }

        @Override
        public void close() {
            release();
        }

        @Override
        public synchronized void renew() {
            if (!done) {
                redis.call("renew " + name, () -> redis.client().eval(RENEW, List.of(claims()),
                        List.of(id, Long.toString(lease.toMillis()))));
            }
        }

        private void finish() {
            done = true;
            Leases.forget(this);
        }
    }
}
