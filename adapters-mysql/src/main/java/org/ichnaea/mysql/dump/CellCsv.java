package org.ichnaea.mysql.dump;

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
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.Predicate;
import org.ichnaea.core.radio.CellAreaId;
import org.ichnaea.core.radio.CellId;
import org.ichnaea.core.radio.RadioType;
import org.ichnaea.core.region.RegionShapes;
import org.ichnaea.core.station.CellStation;
import org.ichnaea.core.station.CellStationStore;
import org.ichnaea.core.station.StationData;
import org.ichnaea.core.station.StationSource;

/**
 * The public cell CSV format shared by MLS and OpenCelliD (ichnaea-behaviour.md §5.10):
 * {@code radio,mcc,net,area,cell,unit,lon,lat,range,samples,changeable,created,updated,averageSignal} with CRLF line
 * ends; radio GSM, UMTS, LTE and (our extension) NR. Import streams line by line in batches, so files of tens of
 * millions of rows need bounded memory; it inserts new cells, updates cells the file has newer data for, and skips
 * bad lines, reporting each by number.
 */
public final class CellCsv {

    public static final String HEADER = "radio,mcc,net,area,cell,unit,lon,lat,range,samples,changeable,created,"
            + "updated,averageSignal";
    /** Rows per store transaction on import. */
    public static final int BATCH = 5000;

    private CellCsv() {
    }

    /** Writes the cells {@code include} accepts (only cells with a position); answers how many. */
    public static long export(CellStationStore cells, OutputStream out, Predicate<CellStation> include) {
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
                count[0]++;
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
        String radio = switch (id.radio()) {
            case GSM -> "GSM";
            case WCDMA -> "UMTS";
            case LTE -> "LTE";
            case NR -> "NR";
            case CDMA -> "CDMA";
        };
        return String.join(",", radio, Integer.toString(id.mcc()), Integer.toString(id.mnc()),
                Integer.toString(id.lac()), Long.toString(id.cid()), cell.psc() == null ? "" : cell.psc().toString(),
                seven(d.lon()), seven(d.lat()), Integer.toString(d.radius() == null ? 0 : d.radius()),
                Long.toString(d.samples() == null ? 0 : d.samples()), "1",
                Long.toString(d.created() == null ? 0 : d.created().getEpochSecond()),
                Long.toString(d.modified() == null ? 0 : d.modified().getEpochSecond()), "");
    }

    private static String seven(double value) {
        return new BigDecimal(value).setScale(7, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }

    /** What an import did. */
    public record Result(long lines, long inserted, long updated, long unchanged, long bad, Set<CellAreaId> areas) {
    }

    /**
     * Imports a CSV stream. Each bad line is handed to {@code badLine} as "line N: reason" and skipped; the rest is
     * applied.
     */
    public static Result importFrom(InputStream in, CellStationStore cells, RegionShapes regions,
                                    Consumer<String> badLine, LongConsumer progress) {
        long lineNumber = 0;
        long bad = 0;
        long[] counts = new long[3];
        Set<CellAreaId> areas = new LinkedHashSet<>();
        Map<CellId, CellStation> batch = new HashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
            String line;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (lineNumber % 100_000 == 0) {
                    progress.accept(lineNumber);
                }
                if (line.isBlank() || (lineNumber == 1 && line.startsWith("radio"))) {
                    continue;
                }
                try {
                    CellStation cell = parse(line, regions);
                    CellStation previous = batch.get(cell.id());
                    if (previous == null || isNewer(cell, previous)) {
                        batch.put(cell.id(), cell);
                    }
                } catch (IllegalArgumentException e) {
                    bad++;
                    badLine.accept("line " + lineNumber + ": " + e.getMessage());
                }
                if (batch.size() >= BATCH) {
                    apply(cells, batch, counts, areas);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        apply(cells, batch, counts, areas);
        return new Result(lineNumber, counts[0], counts[1], counts[2], bad, areas);
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

    static CellStation parse(String line, RegionShapes regions) {
        String[] f = line.split(",", -1);
        if (f.length < 13) {
            throw new IllegalArgumentException("expected 14 columns, found " + f.length);
        }
        RadioType radio = switch (f[0].trim().toUpperCase(Locale.ROOT)) {
            case "GSM" -> RadioType.GSM;
            case "UMTS", "WCDMA" -> RadioType.WCDMA;
            case "LTE" -> RadioType.LTE;
            case "NR" -> RadioType.NR;
            default -> throw new IllegalArgumentException("unsupported radio '" + f[0] + "'");
        };
        int mcc = integer(f[1], "mcc");
        int mnc = integer(f[2], "net");
        int lac = integer(f[3], "area");
        long cid = number(f[4], "cell");
        Integer psc = f[5].isBlank() ? null : integer(f[5], "unit");
        double lon = decimal(f[6], "lon");
        double lat = decimal(f[7], "lat");
        if (lat < -90 || lat > 90 || lon < -180 || lon > 180) {
            throw new IllegalArgumentException("position out of range: " + lat + "," + lon);
        }
        int radius = (int) Math.min(Math.max(number(f[8], "range"), 0), CellStation.MAX_RADIUS);
        long samples = Math.max(number(f[9], "samples"), 0);
        Instant created = Instant.ofEpochSecond(number(f[11], "created"));
        Instant updated = Instant.ofEpochSecond(number(f[12], "updated"));
        LocalDate lastSeen = updated.atOffset(ZoneOffset.UTC).toLocalDate();
        CellId id = new CellId(radio, mcc, mnc, lac, cid);
        StationData data = new StationData(lat, lon, lat, lat, lon, lon, radius,
                regions.region(lat, lon).orElse(null), samples, StationSource.GNSS, null, created, updated, lastSeen,
                null, null, null);
        return new CellStation(id, psc, data);
    }

    private static long number(String value, String name) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + name + "' is not a whole number: '" + value + "'");
        }
    }

    private static int integer(String value, String name) {
        long n = number(value, name);
        if (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("'" + name + "' is out of range: " + value);
        }
        return (int) n;
    }

    private static double decimal(String value, String name) {
        try {
            double d = Double.parseDouble(value.trim());
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + name + "' is not a number: '" + value + "'");
        }
    }
}
