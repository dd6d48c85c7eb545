package org.ichnaea.app.files;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.Predicate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.ichnaea.core.radio.CellAreaId;
import org.ichnaea.core.radio.CellId;
import org.ichnaea.core.radio.RadioType;
import org.ichnaea.core.region.RegionShapes;
import org.ichnaea.core.station.CellStation;
import org.ichnaea.core.station.CellStationStore;
import org.ichnaea.core.station.StationData;
import org.ichnaea.core.station.StationSource;

/**
 * The public cell CSV format shared by MLS and OpenCelliD (docs/storage.md "Public cell CSV"):
 * {@code radio,mcc,net,area,cell,unit,lon,lat,range,samples,changeable,created,updated,averageSignal} with CRLF line
 * ends; radio GSM, UMTS, LTE and (our extension) NR. Import streams line by line in batches, so files of tens of
 * millions of rows need bounded memory; it inserts new cells, updates cells the file has newer data for, and skips
 * CDMA rows (counted) and bad lines (counted and reported by number). A GSM row with a cell id above 65535 is a
 * WCDMA cell, as on submit and query ({@link CellId#radioOf}).
 */
public final class CellCsv {

    public static final String HEADER = "radio,mcc,net,area,cell,unit,lon,lat,range,samples,changeable,created,"
            + "updated,averageSignal";
    /** One line at a time, so that a bad line is reported by its number and costs only itself. */
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreSurroundingSpaces(true).get();
    /** Rows per store transaction on import. */
    public static final int BATCH = 5000;

    private CellCsv() {
    }

    /** Writes the cells {@code include} accepts (only cells with a position); answers how many. */
    public static long export(CellStationStore cells, OutputStream out, Predicate<CellStation> include) {
        return export(cells, out, include, n -> { });
    }

    /**
     * As {@link #export(CellStationStore, OutputStream, Predicate)}; {@code progress} hears the rows written so far
     * every {@link #PROGRESS_ROWS} rows.
     */
    public static long export(CellStationStore cells, OutputStream out, Predicate<CellStation> include,
                              LongConsumer progress) {
        long[] count = {0};
        try {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write(HEADER);
            writer.write("\r\n");
            cells.forEach(cell -> {
                if (!cell.data().hasPosition() || !include.test(cell)) {
                    return;
                }
                try {
                    writer.write(row(cell));
                    writer.write("\r\n");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                if (++count[0] % PROGRESS_ROWS == 0) {
                    progress.accept(count[0]);
                }
            });
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return count[0];
    }

    static String row(CellStation cell) {
        CellId id = cell.id();
        StationData d = cell.data();
        return String.join(",", fileName(id.radio()), Integer.toString(id.mcc()), Integer.toString(id.mnc()),
                Integer.toString(id.lac()), Long.toString(id.cid()), cell.psc() == null ? "" : cell.psc().toString(),
                seven(d.lon()), seven(d.lat()), Integer.toString(d.radius() == null ? 0 : d.radius()),
                Long.toString(d.samples() == null ? 0 : d.samples()), "1",
                Long.toString(d.created() == null ? 0 : d.created().getEpochSecond()),
                Long.toString(d.modified() == null ? 0 : d.modified().getEpochSecond()), "");
    }

    /** The radio's name in the file: GSM, UMTS, LTE, NR (and CDMA). */
    static String fileName(RadioType radio) {
        return switch (radio) {
            case GSM -> "GSM";
            case WCDMA -> "UMTS";
            case LTE -> "LTE";
            case NR -> "NR";
            case CDMA -> "CDMA";
        };
    }

    private static String seven(double value) {
        return new BigDecimal(value).setScale(7, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }

    /** Lines between two progress calls of {@link #importFrom} and rows between two of {@link #export}. */
    public static final int PROGRESS_ROWS = 10_000;

    /** Why an import skipped a row. */
    public enum Skip {
        /** A CDMA cell: this service stores none, as Ichnaea (real OpenCelliD files have many). */
        CDMA("CDMA"),
        /** Well-formed, but a value no cell can have: position, MCC, MNC, area code or cell id out of range. */
        OUT_OF_RANGE("out of range"),
        /** Not a row of the format: too few columns, an unknown radio, a number that is not one. */
        MALFORMED("malformed");

        private final String label;

        Skip(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * What an import did: {@code radios} counts the rows read per radio as stored (a GSM row with a cell id above
     * 65535 counts as WCDMA, and also in {@code gsmAsWcdma}); {@code skipped} counts the skipped rows per reason.
     */
    public record Result(long lines, long inserted, long updated, long unchanged, Map<RadioType, Long> radios,
                         long gsmAsWcdma, Map<Skip, Long> skipped, Set<CellAreaId> areas) {

        public Result {
            radios = Map.copyOf(radios);
            skipped = Map.copyOf(skipped);
        }

        /** Rows skipped because they are not rows of the format: the only ones that make the import fail. */
        public long malformed() {
            return skipped.getOrDefault(Skip.MALFORMED, 0L);
        }

        /**
         * One line for operators: {@code 7 lines: 5 cells read (GSM 1, UMTS 2 (1 GSM with cell id > 65535), LTE 1,
         * NR 1): 4 inserted, 1 updated, 0 unchanged; skipped: 1 CDMA, 0 out of range, 0 malformed}.
         */
        public String summary() {
            StringBuilder line = new StringBuilder();
            long read = radios.values().stream().mapToLong(Long::longValue).sum();
            line.append(String.format(Locale.ROOT, "%,d lines: %,d cells read (", lines, read));
            String separator = "";
            for (RadioType radio : List.of(RadioType.GSM, RadioType.WCDMA, RadioType.LTE, RadioType.NR)) {
                line.append(separator).append(fileName(radio)).append(' ')
                        .append(String.format(Locale.ROOT, "%,d", radios.getOrDefault(radio, 0L)));
                if (radio == RadioType.WCDMA && gsmAsWcdma > 0) {
                    line.append(String.format(Locale.ROOT, " (%,d GSM with cell id > 65535)", gsmAsWcdma));
                }
                separator = ", ";
            }
            line.append(String.format(Locale.ROOT, "): %,d inserted, %,d updated, %,d unchanged; skipped: ", inserted,
                    updated, unchanged));
            separator = "";
            for (Skip skip : Skip.values()) {
                line.append(separator).append(String.format(Locale.ROOT, "%,d ", skipped.getOrDefault(skip, 0L)))
                        .append(skip.label());
                separator = ", ";
            }
            return line.toString();
        }
    }

    /** A row the import skips, and why. */
    static final class Rejected extends IllegalArgumentException {
        private final Skip reason;

        Rejected(Skip reason, String message) {
            super(message);
            this.reason = reason;
        }

        Skip reason() {
            return reason;
        }
    }

    /**
     * Imports a CSV stream. CDMA rows are skipped and counted; every other skipped line is handed to {@code badLine}
     * as "line N: reason" and counted by reason (out of range, malformed); the rest is applied. A GSM row with a cell
     * id above 65535 is stored as WCDMA ({@link CellId#radioOf}), as submissions and queries read such cells.
     * {@code progress} hears the line number every {@link #PROGRESS_ROWS} lines.
     */
    public static Result importFrom(InputStream in, CellStationStore cells, RegionShapes regions,
                                    Consumer<String> badLine, LongConsumer progress) {
        long lineNumber = 0;
        long[] counts = new long[3];
        Map<RadioType, Long> radios = new EnumMap<>(RadioType.class);
        Map<Skip, Long> skipped = new EnumMap<>(Skip.class);
        long gsmAsWcdma = 0;
        Set<CellAreaId> areas = new LinkedHashSet<>();
        Map<CellId, CellStation> batch = new HashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
            String line;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (lineNumber % PROGRESS_ROWS == 0) {
                    progress.accept(lineNumber);
                }
                if (line.isBlank() || (lineNumber == 1 && line.replace("\"", "").startsWith("radio"))) {
                    continue;
                }
                try {
                    CellStation cell = parse(line, regions);
                    radios.merge(cell.id().radio(), 1L, Long::sum);
                    if (cell.id().radio() == RadioType.WCDMA && claimsGsm(line)) {
                        gsmAsWcdma++;
                    }
                    CellStation previous = batch.get(cell.id());
                    if (previous == null || isNewer(cell, previous)) {
                        batch.put(cell.id(), cell);
                    }
                } catch (Rejected e) {
                    skipped.merge(e.reason(), 1L, Long::sum);
                    if (e.reason() != Skip.CDMA) {
                        badLine.accept("line " + lineNumber + ": " + e.getMessage());
                    }
                }
                if (batch.size() >= BATCH) {
                    apply(cells, batch, counts, areas);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        apply(cells, batch, counts, areas);
        return new Result(lineNumber, counts[0], counts[1], counts[2], radios, gsmAsWcdma, skipped, areas);
    }

    private static boolean claimsGsm(String line) {
        return fields(line)[0].equalsIgnoreCase("GSM");
    }

    private static boolean isNewer(CellStation candidate, CellStation stored) {
        Instant a = candidate.data().modified();
        Instant b = stored.data().modified();
        return b == null || (a != null && a.isAfter(b));
    }

    private static void apply(CellStationStore cells, Map<CellId, CellStation> batch, long[] counts,
                              Set<CellAreaId> areas) {
        if (batch.isEmpty()) {
            return;
        }
        long[] local = new long[3];
        List<CellAreaId> touched = new ArrayList<>();
        cells.update(batch.keySet(), locked -> {
            local[0] = 0;
            local[1] = 0;
            local[2] = 0;
            touched.clear();
            List<CellStation> changed = new ArrayList<>();
            for (CellStation cell : batch.values()) {
                CellStation stored = locked.get(cell.id());
                if (stored == null) {
                    local[0]++;
                } else if (stored.data().isBlockedForGood()) {
                    // An operator blocked it (station block): a cell file does not bring it back.
                    local[2]++;
                    continue;
                } else if (isNewer(cell, stored)) {
                    local[1]++;
                } else {
                    local[2]++;
                    continue;
                }
                changed.add(stored == null || cell.psc() != null ? cell
                        : new CellStation(cell.id(), stored.psc(), cell.data()));
                touched.add(cell.id().area());
            }
            return changed;
        });
        for (int i = 0; i < 3; i++) {
            counts[i] += local[i];
        }
        areas.addAll(touched);
        batch.clear();
    }

    /** One row, or {@link Rejected} with the reason it is skipped. */
    static CellStation parse(String line, RegionShapes regions) {
        String[] f = fields(line);
        if (f.length < 13) {
            throw new Rejected(Skip.MALFORMED, "expected 14 columns, found " + f.length);
        }
        RadioType radio = switch (f[0].trim().toUpperCase(Locale.ROOT)) {
            case "GSM" -> RadioType.GSM;
            case "UMTS", "WCDMA" -> RadioType.WCDMA;
            case "LTE" -> RadioType.LTE;
            case "NR" -> RadioType.NR;
            case "CDMA" -> throw new Rejected(Skip.CDMA, "CDMA cells are not stored");
            default -> throw new Rejected(Skip.MALFORMED, "unsupported radio '" + f[0] + "'");
        };
        long mcc = number(f[1], "mcc");
        long mnc = number(f[2], "net");
        long lac = number(f[3], "area");
        long cid = number(f[4], "cell");
        Long psc = f[5].isBlank() ? null : number(f[5], "unit");
        double lon = decimal(f[6], "lon");
        double lat = decimal(f[7], "lat");
        long range = number(f[8], "range");
        long samples = Math.max(number(f[9], "samples"), 0);
        long createdSeconds = number(f[11], "created");
        long updatedSeconds = number(f[12], "updated");
        if (lat < -90 || lat > 90 || lon < -180 || lon > 180) {
            throw new Rejected(Skip.OUT_OF_RANGE, "position out of range: " + lat + "," + lon);
        }
        if (psc != null && (psc < 0 || psc > Integer.MAX_VALUE)) {
            throw new Rejected(Skip.OUT_OF_RANGE, "'unit' is out of range: " + psc);
        }
        CellId id;
        Instant created;
        Instant updated;
        try {
            id = new CellId(CellId.radioOf(radio, cid), intOrRange(mcc, "mcc"), intOrRange(mnc, "net"),
                    intOrRange(lac, "area"), cid);
            created = Instant.ofEpochSecond(createdSeconds);
            updated = Instant.ofEpochSecond(updatedSeconds);
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw new Rejected(Skip.OUT_OF_RANGE, e.getMessage());
        }
        int radius = (int) Math.min(Math.max(range, 0), CellStation.MAX_RADIUS);
        LocalDate lastSeen = updated.atOffset(ZoneOffset.UTC).toLocalDate();
        StationData data = new StationData(lat, lon, lat, lat, lon, lon, radius,
                regions.region(lat, lon).orElse(null), samples, StationSource.GNSS, null, created, updated, lastSeen,
                null, null, null);
        return new CellStation(id, psc == null ? null : (int) (long) psc, data);
    }

    /** The RFC 4180 fields of one line (quoted or not), or {@link Rejected} for a line that is not CSV. */
    private static String[] fields(String line) {
        try (CSVParser parser = CSVParser.parse(line, FORMAT)) {
            CSVRecord record = parser.iterator().next();
            return record.values();
        } catch (IOException | UncheckedIOException | IllegalStateException | java.util.NoSuchElementException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new Rejected(Skip.MALFORMED, "not a CSV line: " + (cause.getMessage() == null
                    ? cause.getClass().getSimpleName() : cause.getMessage()));
        }
    }

    private static int intOrRange(long n, String name) {
        if (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE) {
            throw new Rejected(Skip.OUT_OF_RANGE, "'" + name + "' is out of range: " + n);
        }
        return (int) n;
    }

    private static long number(String value, String name) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new Rejected(Skip.MALFORMED, "'" + name + "' is not a whole number: '" + value + "'");
        }
    }

    private static double decimal(String value, String name) {
        try {
            double d = Double.parseDouble(value.trim());
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new Rejected(Skip.MALFORMED, "'" + name + "' is not a number: '" + value + "'");
        }
    }
}
