package org.ichnaea.app;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MariaDB + Redis under {@code kill -9} of the service and of {@code process}: the reliable Redis queue and the
 * report ledger lose and double nothing ({@link CrashHarness}, 8 rounds by default).
 */
class ServicesCrashIT {

    @TempDir
    Path dir;

    @Test
    void kill_9_at_random_points_loses_and_doubles_nothing() throws Exception {
        Map<String, String> env = ServicesEnv.require(dir.resolve("data"));
        long seed = Long.getLong("ichnaea.crash.seed", System.nanoTime());
        System.out.println("ServicesCrashIT seed " + seed);
        CrashHarness harness = new CrashHarness(dir, env, seed);
        try (Application app = Application.open(Settings.from(env))) {
            // Other tests on this database empty export_config: the internal export is set here, with small batches.
            harness.prepare(app, 100);
        }
        for (int round = 0; round < EmbeddedCrashTest.ROUNDS; round++) {
            harness.round(round);
        }
        harness.finish();
        try (Application app = Application.open(Settings.from(env))) {
            harness.verify(app);
            harness.prepare(app, org.ichnaea.core.export.ExportConfig.defaultInternal().batch());
        }
    }
}
