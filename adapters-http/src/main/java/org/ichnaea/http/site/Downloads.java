package org.ichnaea.http.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The public cell exports in {@code DATA_DIR/export} (docs/storage.md "Public cell CSV"): the listing of
 * {@code /downloads} and the files under {@code /downloads/<name>}. Only names of Ichnaea's two exact forms are
 * listed or served, so no other file, and nothing outside the folder, can be reached.
 */
final class Downloads {

    /** One export file: its name, size in kB (rounded) and the date (and hour, for diffs) it covers. */
    record ExportFile(String name, long kilobytes, String date) {
    }

    /** The full and the hourly diff exports, each newest first by name. */
    record Listing(List<ExportFile> full, List<ExportFile> diff) {
    }

    static final Pattern FULL = Pattern.compile("MLS-full-cell-export-(\\d{4}-\\d{2}-\\d{2})T000000\\.csv\\.gz");
    static final Pattern DIFF = Pattern.compile("MLS-diff-cell-export-(\\d{4}-\\d{2}-\\d{2})T(\\d{2})0000\\.csv\\.gz");

    private final Path dir;

    Downloads(Path dir) {
        this.dir = dir;
    }

    Listing list() {
        List<ExportFile> full = new ArrayList<>();
        List<ExportFile> diff = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return new Listing(full, diff);
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                Matcher f = FULL.matcher(name);
                Matcher d = DIFF.matcher(name);
                if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                if (f.matches()) {
                    full.add(new ExportFile(name, kilobytes(file), f.group(1)));
                } else if (d.matches()) {
                    diff.add(new ExportFile(name, kilobytes(file), d.group(1) + " " + d.group(2) + ":00 UTC"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Comparator<ExportFile> newestFirst = Comparator.comparing(ExportFile::name).reversed();
        full.sort(newestFirst);
        diff.sort(newestFirst);
        return new Listing(full, diff);
    }

    /** The export file of that exact name, if it exists as a regular file (not a link) in the folder. */
    Optional<Path> find(String name) {
        if (name == null || !(FULL.matcher(name).matches() || DIFF.matcher(name).matches())) {
            return Optional.empty();
        }
        Path file = dir.resolve(name);
        return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) ? Optional.of(file) : Optional.empty();
    }

    private static long kilobytes(Path file) {
        try {
            return Math.round(Files.size(file) / 1024.0);
        } catch (IOException e) {
            return 0;
        }
    }
}
