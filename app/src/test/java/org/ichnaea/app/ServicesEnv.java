package org.ichnaea.app;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The environment of an application on the machine's MariaDB and Redis ({@code TEST_DB_URL},
 * {@code TEST_REDIS_URI}): the test is skipped where they are not set, and fails under {@code CI=true}.
 */
final class ServicesEnv {

    private ServicesEnv() {
    }

    /** A mutable environment with the database, Redis and this data directory. */
    static Map<String, String> require(Path dataDir) {
        String url = System.getenv("TEST_DB_URL");
        String redis = System.getenv("TEST_REDIS_URI");
        if (url == null || url.isBlank() || redis == null || redis.isBlank()) {
            if ("true".equals(System.getenv("CI"))) {
                fail("TEST_DB_URL and TEST_REDIS_URI must be set under CI=true");
            }
            assumeTrue(false, "TEST_DB_URL or TEST_REDIS_URI is not set");
        }
        Map<String, String> env = new HashMap<>();
        env.put("DB_READWRITE_URI", url);
        env.put("REDIS_URI", redis);
        env.put("ICHNAEA_DATA_DIR", dataDir.toString());
        return env;
    }
}
