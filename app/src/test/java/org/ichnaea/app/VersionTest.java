package org.ichnaea.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.time.Clock;
import org.ichnaea.http.WebSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /__version__} carries the commit and build time the Maven build filled in. */
class VersionTest {

    @Test
    void the_build_fills_in_the_commit_and_the_build_time() {
        WebSettings.VersionInfo info = Version.info();
        if (Files.isDirectory(Path.of("../.git"))) {
            assertThat(info.commit()).as("git-commit-id-maven-plugin's git.commit.id").matches("[0-9a-f]{40}");
        } else {
            assertThat(info.commit()).as("a source tarball has no .git").isEqualTo("unknown");
        }
        assertThat(info.build()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
    }

    @Test
    void a_value_the_build_left_as_a_placeholder_reads_unknown() {
        assertThat(Version.filled("${git.commit.id}")).isEqualTo("unknown");
        assertThat(Version.filled(null)).isEqualTo("unknown");
        assertThat(Version.filled(" ")).isEqualTo("unknown");
        assertThat(Version.filled("0123abc")).isEqualTo("0123abc");
    }

    @Test
    void the_version_endpoint_reports_them(@TempDir Path dataDir) {
        WebSettings.VersionInfo info = Version.info();
        try (Application app = Application.open(Settings.from(Map.of("ICHNAEA_DATA_DIR", dataDir.toString())))) {
            JavalinTest.test(app.web(Clock.systemUTC()), (server, client) ->
                    assertThat(client.get("/__version__").body().string()).isEqualTo(
                            "{\"source\":\"https://github.com/ichnaea-jvm/ichnaea\",\"version\":\"" + info.version()
                                    + "\",\"commit\":\"" + info.commit() + "\",\"build\":\"" + info.build()
                                    + "\"}"));
        }
    }
}
