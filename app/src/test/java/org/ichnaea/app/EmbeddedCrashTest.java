package org.ichnaea.app;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded default (one H2 file) under {@code kill -9}: 8 rounds (by default) of a killed {@code serve} during submissions
 * and pipeline runs and of a killed {@code process}; the database opens every time, and every acknowledged report
 * is learned exactly once ({@link CrashHarness}).
 */
class EmbeddedCrashTest {

    static final int ROUNDS = Integer.getInteger("ichnaea.crash.rounds", 8);

    @TempDir
    Path dir;

    @Test
    void kill_9_at_random_points_loses_and_doubles_nothing() throws Exception {
        long seed = Long.getLong("ichnaea.crash.seed", System.nanoTime());
        System.out.println("EmbeddedCrashTest seed " + seed);
        CrashHarness harness = new CrashHarness(dir, Map.of("ICHNAEA_DATA_DIR", dir.resolve("data").toString()),
                seed);
        try (Application app = Application.open(Settings.from(Map.of("ICHNAEA_DATA_DIR",
                dir.resolve("data").toString())))) {
            harness.prepare(app, 100);
        }
        for (int round = 0; round < ROUNDS; round++) {
            harness.round(round);
        }
        harness.finish();
        try (Application app = Application.open(Settings.from(Map.of("ICHNAEA_DATA_DIR",
                dir.resolve("data").toString())))) {
            harness.verify(app);
        }
    }
}
