package org.ichnaea.redis;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.ichnaea.core.queue.DataQueue;
import org.ichnaea.core.submit.IncomingReport;
import org.ichnaea.core.submit.IncomingReportCodec;

/**
 * A queue as a Redis list (ichnaea-behaviour.md §5.1): RPUSH in chunks then EXPIRE 24 h, and an atomic dequeue of
 * the head (LRANGE + LTRIM in one Lua script), so two workers never take the same item.
 */
public final class RedisDataQueue<T> implements DataQueue<T> {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RedisDataQueue.class);

    /** A list idle for a day expires, as in Ichnaea. */
    public static final long EXPIRE_SECONDS = 86_400;
    private static final int CHUNK = 100;
    private static final String DEQUEUE = "local items = redis.call('LRANGE', KEYS[1], 0, tonumber(ARGV[1]) - 1) "
            + "redis.call('LTRIM', KEYS[1], tonumber(ARGV[1]), -1) return items";

    private final Redis redis;
    private final byte[] key;
    private final String name;
    private final Function<T, byte[]> encode;
    private final Function<byte[], T> decode;

    public RedisDataQueue(Redis redis, String name, Function<T, byte[]> encode, Function<byte[], T> decode) {
        this.redis = redis;
        this.name = name;
        this.key = name.getBytes(StandardCharsets.UTF_8);
        this.encode = encode;
        this.decode = decode;
    }

    /** The queue of incoming reports, in core's {@link IncomingReportCodec} encoding. */
    public static RedisDataQueue<IncomingReport> incoming(Redis redis, String name) {
        return new RedisDataQueue<>(redis, name, IncomingReportCodec::encode, IncomingReportCodec::decode);
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
            for (int from = 0; from < encoded.length; from += CHUNK) {
                byte[][] chunk = java.util.Arrays.copyOfRange(encoded, from, Math.min(encoded.length, from + CHUNK));
                redis.client().rpush(key, chunk);
            }
            redis.client().expire(key, EXPIRE_SECONDS);
            return null;
        });
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<T> dequeue(int max) {
        if (max <= 0) {
            throw new IllegalArgumentException("dequeue takes a positive count, not " + max);
        }
        List<byte[]> raw = redis.call("dequeue " + name, () -> (List<byte[]>) redis.client().eval(
                DEQUEUE.getBytes(StandardCharsets.UTF_8), List.of(key),
                List.of(Integer.toString(max).getBytes(StandardCharsets.UTF_8))));
        List<T> items = new ArrayList<>(raw.size());
        for (byte[] bytes : raw) {
            try {
                items.add(decode.apply(bytes));
            } catch (IllegalArgumentException e) {
                // Undecodable (an older format?): leave a trace rather than lose the rest of the batch.
                LOG.error("queue {}: dropped an undecodable item of {} bytes: {}", name, bytes.length, e.getMessage());
            }
        }
        return items;
    }

    @Override
    public long size() {
        return redis.call("size " + name, () -> redis.client().llen(key));
    }
}
