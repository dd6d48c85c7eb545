package org.ichnaea.app.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.ichnaea.core.export.ExportConfig;
import org.ichnaea.core.export.ExportSchema;
import org.ichnaea.core.export.RetriableExportException;
import org.ichnaea.core.testing.TestClock;
import org.ichnaea.core.testing.TestReports;
import org.ichnaea.http.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file exporter (docs/algorithms.md §13.1, the {@code file} schema) against a directory. */
class FileExporterTest {

    private static JsonNode gunzip(byte[] data) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(data))) {
            return Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void writes_gzip_files_per_source_key_and_day(@TempDir Path dir) throws Exception {
        ExportConfig files = new ExportConfig("files", 10, ExportSchema.FILE, dir.toUri().toString(), Set.of(),
                Set.of());
        // full(0): key test-key; full(1): no key; query(3): key k, source query.
        new FileExporter(TestClock.fixed()).export(files, List.of(TestReports.full(0), TestReports.full(1),
                TestReports.full(2), TestReports.query(3)));

        List<Path> written;
        try (Stream<Path> walk = Files.walk(dir)) {
            written = walk.filter(Files::isRegularFile).sorted().toList();
        }
        assertThat(written).extracting(p -> dir.relativize(p).getParent().toString()).containsExactly(
                "gnss/no_key/2026/06/15", "gnss/test-key/2026/06/15", "query/k/2026/06/15");
        assertThat(written).allSatisfy(p -> assertThat(p.getFileName().toString()).matches("[0-9a-f]{32}\\.json\\.gz"));
        JsonNode keyed = gunzip(Files.readAllBytes(written.get(1)));
        assertThat(keyed.get("items")).hasSize(2);
    }

    @Test
    void an_unwritable_directory_is_retriable(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
        ExportConfig files = new ExportConfig("files", 10, ExportSchema.FILE, file.toString(), Set.of(), Set.of());
        assertThatThrownBy(() -> new FileExporter(TestClock.fixed()).export(files, List.of(TestReports.full(0))))
                .isInstanceOf(RetriableExportException.class);
        assertThat(FileExporter.safe("../../etc")).isEqualTo(".._.._etc");
        assertThat(FileExporter.safe("..")).isEqualTo("_");
    }
}
