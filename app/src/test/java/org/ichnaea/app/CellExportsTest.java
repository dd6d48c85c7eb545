package org.ichnaea.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The export folder keeps a week of full exports and of hourly diffs. */
class CellExportsTest {

    @TempDir
    Path dir;

    @Test
    void keeps_the_newest_week_of_each_kind_and_nothing_else_is_touched() throws IOException {
        LocalDate day = LocalDate.of(2026, 6, 1);
        for (int d = 0; d < 10; d++) {
            Files.writeString(dir.resolve("MLS-full-cell-export-" + day.plusDays(d) + "T000000.csv.gz"), "x");
            for (int h = 0; h < 24; h++) {
                Files.writeString(dir.resolve(String.format("MLS-diff-cell-export-%sT%02d0000.csv.gz",
                        day.plusDays(d), h)), "x");
            }
        }
        Files.writeString(dir.resolve("README.txt"), "operator's file");

        assertThat(CellExports.prune(dir)).isEqualTo(3 + 3 * 24);

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted()).hasSize(7 + 7 * 24 + 1)
                    .contains("README.txt", "MLS-full-cell-export-2026-06-04T000000.csv.gz",
                            "MLS-diff-cell-export-2026-06-04T000000.csv.gz", "MLS-diff-cell-export-2026-06-10T230000.csv.gz")
                    .doesNotContain("MLS-full-cell-export-2026-06-03T000000.csv.gz",
                            "MLS-diff-cell-export-2026-06-03T230000.csv.gz");
        }
        assertThat(CellExports.prune(dir)).isZero();
        assertThat(CellExports.prune(dir.resolve("missing"))).isZero();
    }
}
