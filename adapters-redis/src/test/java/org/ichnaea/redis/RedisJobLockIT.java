package org.ichnaea.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.ichnaea.core.jobs.JobLock;
import org.ichnaea.core.jobs.JobLockContract;
import org.junit.jupiter.api.Test;

class RedisJobLockIT extends JobLockContract {

    @Override
    protected JobLock newLock() {
        return new RedisJobLock(TestRedis.flushed());
    }

    @Test
    void holds_one_key_with_a_lifetime_per_lease() {
        Redis redis = TestRedis.flushed();
        JobLock.Lease lease = new RedisJobLock(redis).tryAcquire("update_statcounter", Duration.ofSeconds(60))
                .orElseThrow();
        assertThat(redis.client().pttl("lock:job:update_statcounter")).isBetween(59_000L, 60_000L);
        assertThat(new RedisJobLock(redis).tryAcquire("update_statcounter", Duration.ofSeconds(60))).isEmpty();
        lease.close();
        assertThat(redis.client().exists("lock:job:update_statcounter")).isFalse();
    }
}
