package org.ichnaea.redis;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.ichnaea.core.jobs.JobLock;
import redis.clients.jedis.params.SetParams;

/**
 * Job leases in Redis, one key {@code lock:job:<name>} each: {@code SET NX PX} with a random token takes the lease,
 * a Lua compare-and-delete releases it only while it still holds that token, so closing a lease that expired and
 * was taken by another process leaves the other's lease alone.
 */
public final class RedisJobLock implements JobLock {

    static final String PREFIX = "lock:job:";
    private static final String RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then "
            + "return redis.call('del', KEYS[1]) else return 0 end";
    private static final String KEEP = "if redis.call('get', KEYS[1]) == ARGV[1] then "
            + "return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Redis redis;

    public RedisJobLock(Redis redis) {
        this.redis = redis;
    }

    @Override
    public Optional<Lease> tryAcquire(String name, Duration ttl) {
        String key = PREFIX + name;
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String token = HexFormat.of().formatHex(bytes);
        long millis = Math.max(1, ttl.toMillis());
        String reply = redis.call("job lock", () -> redis.client().set(key, token,
                SetParams.setParams().nx().px(millis)));
        if (!"OK".equals(reply)) {
            return Optional.empty();
        }
        return Optional.of(new Lease() {
            @Override
            public void close() {
                redis.call("job unlock", () -> redis.client().eval(RELEASE, List.of(key), List.of(token)));
            }

            @Override
            public void keepFor(Duration duration) {
                redis.call("job lock keep", () -> redis.client().eval(KEEP, List.of(key),
                        List.of(token, Long.toString(Math.max(1, duration.toMillis())))));
            }
        });
    }
}
