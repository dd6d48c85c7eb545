package org.ichnaea.app;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.function.LongConsumer;
import java.util.zip.GZIPOutputStream;
import org.ichnaea.core.station.CellStationStore;
import org.ichnaea.app.files.CellCsv;

/**
 * The public cell exports of docs/storage.md "Public cell CSV", as gzip (level 5) files under {@code DATA_DIR/export}:
 * the full export (cells modified within 365 days) and the hourly diff (modified in the previous full hour).
 */
final class CellExports {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'000000")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH0000")
            .withZone(ZoneOffset.UTC);

    private CellExports() {
    }

    /** Writes the full export; answers the file. */
    static Path full(CellStationStore cells, Path dir, Instant now) throws IOException {
        return full(cells, dir, now, n -> { });
    }

    /** As {@link #full(CellStationStore, Path, Instant)}; {@code progress} hears the rows written so far. */
    static Path full(CellStationStore cells, Path dir, Instant now, LongConsumer progress) throws IOException {
        Instant since = now.minus(365, ChronoUnit.DAYS);
        Path file = dir.resolve("MLS-full-cell-export-" + DAY.format(now) + ".csv.gz");
        write(cells, file, since, now.plusSeconds(1), progress);
        return file;
    }

    /** Writes the diff of the hour before the current full hour; answers the file. */
    static Path diff(CellStationStore cells, Path dir, Instant now) throws IOException {
        return diff(cells, dir, now, n -> { });
    }

    /** As {@link #diff(CellStationStore, Path, Instant)}; {@code progress} hears the rows written so far. */
    static Path diff(CellStationStore cells, Path dir, Instant now, LongConsumer progress) throws IOException {
        Instant top = now.truncatedTo(ChronoUnit.HOURS);
        Path file = dir.resolve("MLS-diff-cell-export-" + HOUR.format(top) + ".csv.gz");
        write(cells, file, top.minus(1, ChronoUnit.HOURS), top, progress);
        return file;
    }

    /** Full exports kept: a week of days. */
    static final int KEEP_FULL = 7;
    /** Hourly diffs kept: a week of hours. */
    static final int KEEP_DIFF = 7 * 24;
    private static final java.util.regex.Pattern FULL_NAME =
            java.util.regex.Pattern.compile("MLS-full-cell-export-\\d{4}-\\d{2}-\\d{2}T000000\\.csv\\.gz");
    private static final java.util.regex.Pattern DIFF_NAME =
            java.util.regex.Pattern.compile("MLS-diff-cell-export-\\d{4}-\\d{2}-\\d{2}T\\d{2}0000\\.csv\\.gz");

    /**
     * Deletes all but the newest {@link #KEEP_FULL} full exports and {@link #KEEP_DIFF} diffs (the names sort by
     * time), so the export folder does not grow by 24 files a day forever; other files are left alone. Answers how
     * many were deleted.
     */
    static int prune(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        java.util.List<String> full = new java.util.ArrayList<>();
        java.util.List<String> diff = new java.util.ArrayList<>();
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            files.map(p -> p.getFileName().toString()).forEach(name -> {
                if (FULL_NAME.matcher(name).matches()) {
                    full.add(name);
                } else if (DIFF_NAME.matcher(name).matches()) {
                    diff.add(name);
                }
            });
        }
        int deleted = 0;
        for (var kept : java.util.List.of(java.util.Map.entry(full, KEEP_FULL), java.util.Map.entry(diff, KEEP_DIFF))) {
            java.util.List<String> names = kept.getKey();
            names.sort(java.util.Comparator.reverseOrder());
            for (String name : names.subList(Math.min(kept.getValue(), names.size()), names.size())) {
                if (Files.deleteIfExists(dir.resolve(name))) {
                    deleted++;
                }
            }
        }
        return deleted;
    }

    private static void write(CellStationStore cells, Path file, Instant from, Instant until, LongConsumer progress)
            throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), ".export", ".tmp");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(tmp), 1 << 16) {
            {
                def.setLevel(5);
            }
        }) {
            CellCsv.export(cells, out, cell -> cell.data().modified() != null
                    && !cell.data().modified().isBefore(from) && cell.data().modified().isBefore(until), progress);
        } catch (RuntimeException | IOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        try {
            // Public files: readable by the web server and anyone serving the downloads.
            Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: keep its defaults.
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
