package org.ichnaea.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.ichnaea.core.queue.DataQueue;
import org.ichnaea.core.queue.Leases;
import org.ichnaea.core.queue.QueueOwner;
import org.ichnaea.core.queue.ShardedDataQueue;
import org.ichnaea.core.submit.IncomingReport;
import org.ichnaea.core.submit.IncomingReportCodec;

/**
 * Queues spread over Redis lists (docs/storage.md "Queue shards"). With one shard a queue is the list {@code <name>},
 * as in Ichnaea; with {@code n > 1} it is the lists {@code <name>:0} to {@code <name>:<n-1>}, which a Redis Cluster
 * spreads over its nodes by hash slot. Each list is added to the set {@code <name>:shards} before its first item,
 * and consumers drain every list of that set and {@code <name>} itself: reports left in the lists of an earlier
 * shard count, or in the unsharded list of an earlier build, are drained too, whatever the count is now.
 */
public final class RedisQueues {

    /** The default shard count on a Redis Cluster ({@code REDIS_QUEUE_SHARDS} unset). */
    public static final int CLUSTER_SHARDS = 16;

    private RedisQueues() {
    }

    /** The registry of the shards of queue {@code name}. */
    static String registry(String name) {
        return name + ":shards";
    }

    /** The lists items of queue {@code name} go to with {@code shards} shards. */
    static List<String> producerNames(String name, int shards) {
        if (shards < 1) {
            throw new IllegalArgumentException("a queue has at least one shard, not " + shards);
        }
        if (shards == 1) {
            return List.of(name);
        }
        List<String> names = new ArrayList<>(shards);
        for (int i = 0; i < shards; i++) {
            names.add(name + ":" + i);
        }
        return names;
    }

    /** A queue of incoming reports ({@link IncomingReportCodec}) over {@code shards} lists. */
    public static ShardedDataQueue<IncomingReport> incoming(Redis redis, String name, int shards) {
        return incoming(redis, name, shards, QueueOwner.self(), Leases.DEFAULT_LEASE);
    }

    /** The same, with claims of {@code owner} that last {@code lease} without renewal. */
    public static ShardedDataQueue<IncomingReport> incoming(Redis redis, String name, int shards, String owner,
                                                            Duration lease) {
        return sharded(redis, name, shards, shard -> new RedisDataQueue<>(redis, shard, IncomingReportCodec::encode,
                IncomingReportCodec::decode, owner, lease));
    }

    /** A queue over {@code shards} lists, each opened by {@code open}. */
    static <T> ShardedDataQueue<T> sharded(Redis redis, String name, int shards,
                                           Function<String, RedisDataQueue<T>> open) {
        String registry = registry(name);
        Map<String, RedisDataQueue<T>> lists = new ConcurrentHashMap<>();
        Function<String, RedisDataQueue<T>> list = shard -> lists.computeIfAbsent(shard,
                s -> open.apply(s).registeredIn(registry));
        List<DataQueue<T>> producers = new ArrayList<>();
        for (String shard : producerNames(name, shards)) {
            producers.add(list.apply(shard));
        }
        Pattern shardName = Pattern.compile(Pattern.quote(name) + "(:[0-9]{1,4})?");
        return new ShardedDataQueue<>(producers, () -> {
            Set<String> names = new TreeSet<>(redis.call("queue shards " + name,
                    () -> redis.client().smembers(registry)));
            names.add(name);
            List<DataQueue<T>> all = new ArrayList<>();
            for (String shard : names) {
                if (shardName.matcher(shard).matches()) {
                    all.add(list.apply(shard));
                }
            }
            return all;
        });
    }
}
