package org.ichnaea.app.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ichnaea.core.export.ExportConfig;
import org.ichnaea.core.export.ReportExporter;
import org.ichnaea.core.export.RetriableExportException;
import org.ichnaea.core.submit.IncomingReport;
import org.ichnaea.http.export.GeosubmitExporter;
import org.ichnaea.http.export.ReportJson;
import org.ichnaea.http.json.Json;

/**
 * The {@code file} export schema, our stand-in for Ichnaea's {@code s3} (docs/algorithms.md §13.1): each batch
 * becomes gzip (level 7) JSON files {@code {"items": [...]}} under the configuration's directory (a path or a
 * {@code file:} URL), laid out as Ichnaea's bucket keys: {@code <source>/<api key or no_key>/<yyyy>/<mm>/<dd>/
 * <uuid>.json.gz}. Files appear atomically (written aside, then renamed); I/O errors are retriable.
 */
public final class FileExporter implements ReportExporter {

    private final Clock clock;

    public FileExporter(Clock clock) {
        this.clock = clock;
    }

    /** The directory a configuration writes to. */
    public static Path directory(ExportConfig config) {
        String url = config.url();
        return url.startsWith("file:") ? Paths.get(java.net.URI.create(url)) : Paths.get(url);
    }

    @Override
    public void export(ExportConfig config, List<IncomingReport> batch) throws RetriableExportException {
        Map<String, List<IncomingReport>> groups = new LinkedHashMap<>();
        for (IncomingReport report : batch) {
            String key = report.apiKey() == null || report.apiKey().isBlank() ? "no_key" : safe(report.apiKey());
            groups.computeIfAbsent(report.source().label() + "/" + key, k -> new java.util.ArrayList<>())
                    .add(report);
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        String day = String.format(java.util.Locale.ROOT, "%04d/%02d/%02d", today.getYear(), today.getMonthValue(),
                today.getDayOfMonth());
        Path root = directory(config);
        for (Map.Entry<String, List<IncomingReport>> group : groups.entrySet()) {
            Path dir = root.resolve(group.getKey()).resolve(day);
            byte[] body = GeosubmitExporter.gzip(Json.write(ReportJson.items(group.getValue().stream()
                    .map(IncomingReport::report).toList())).getBytes(StandardCharsets.UTF_8), 7);
            try {
                Files.createDirectories(dir);
                Path tmp = Files.createTempFile(dir, ".export", ".tmp");
                Files.write(tmp, body);
                Files.move(tmp, dir.resolve(UUID.randomUUID().toString().replace("-", "") + ".json.gz"),
                        StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new RetriableExportException("writing an export file under " + dir + " failed: " + e, e);
            }
        }
    }

    /** API keys become directory names: anything outside [A-Za-z0-9_.-] is replaced. */
    static String safe(String key) {
        String cleaned = key.replaceAll("[^A-Za-z0-9_.-]", "_");
        return cleaned.equals(".") || cleaned.equals("..") ? "_" : cleaned;
    }
}
