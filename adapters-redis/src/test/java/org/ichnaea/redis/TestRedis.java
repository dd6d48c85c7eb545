package org.ichnaea.redis;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The Redis of the tests: {@code TEST_REDIS_URI} (a dedicated database, flushed per test); skipped when unset. */
final class TestRedis {

    private static Redis redis;

    private TestRedis() {
    }

    static synchronized Redis flushed() {
        String uri = System.getenv("TEST_REDIS_URI");
        if (uri == null || uri.isBlank()) {
            if ("true".equals(System.getenv("CI"))) {
                fail("TEST_REDIS_URI is not set: Redis tests must run under CI=true");
            }
            assumeTrue(false, "TEST_REDIS_URI is not set: skipping Redis tests");
        }
        if (redis == null) {
            redis = Redis.open(uri);
        }
        redis.client().flushDB();
        return redis;
    }
}
