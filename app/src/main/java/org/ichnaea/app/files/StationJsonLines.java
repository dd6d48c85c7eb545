package org.ichnaea.app.files;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import org.ichnaea.core.radio.CellAreaId;
import org.ichnaea.core.radio.CellId;
import org.ichnaea.core.radio.MacAddress;
import org.ichnaea.core.radio.RadioType;
import org.ichnaea.core.station.BlueStationStore;
import org.ichnaea.core.station.CellArea;
import org.ichnaea.core.station.CellAreaStore;
import org.ichnaea.core.station.CellStation;
import org.ichnaea.core.station.CellStationStore;
import org.ichnaea.core.station.MacStation;
import org.ichnaea.core.station.StationData;
import org.ichnaea.core.station.StationSource;
import org.ichnaea.core.station.WifiStationStore;

/**
 * The station dump format of docs/storage.md "Station dump and restore": JSON Lines, one station per line, {@code kind}
 * wifi, blue, cell or cellarea. Export streams every store; import reads line by line in batches, so files of any size
 * need bounded memory. A malformed line stops the import with its line number; the lines before it are applied, nothing
 * of it.
 */
public final class StationJsonLines {

    /** Stations saved per store call on import. */
    public static final int BATCH = 1000;

    private static final JsonFactory JSON = new JsonFactory();

    private final WifiStationStore wifi;
    private final BlueStationStore blue;
    private final CellStationStore cells;
    private final CellAreaStore areas;

    public StationJsonLines(WifiStationStore wifi, BlueStationStore blue, CellStationStore cells,
                            CellAreaStore areas) {
        this.wifi = wifi;
        this.blue = blue;
        this.cells = cells;
        this.areas = areas;
    }

    /** Counts of stations per kind. */
    public record Counts(long wifi, long blue, long cell, long cellArea) {
        public long total() {
            return wifi + blue + cell + cellArea;
        }
    }

    /** Writes every station; {@code progress} is told the running total every 10,000 stations. */
    public Counts export(OutputStream out, LongConsumer progress) {
        long[] counts = new long[4];
        try {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            JsonGenerator json = JSON.createGenerator(writer);
            json.setRootValueSeparator(null);
            wifi.forEach(s -> write(json, writer, "wifi", s, counts, 0, progress));
            blue.forEach(s -> write(json, writer, "blue", s, counts, 1, progress));
            cells.forEach(c -> writeLine(json, writer, () -> writeCell(json, c), counts, 2, progress));
            areas.forEach(a -> writeLine(json, writer, () -> writeArea(json, a), counts, 3, progress));
            json.flush();
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Counts(counts[0], counts[1], counts[2], counts[3]);
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private static void write(JsonGenerator json, Writer writer, String kind, MacStation s, long[] counts, int slot,
                              LongConsumer progress) {
        writeLine(json, writer, () -> {
            json.writeStringField("kind", kind);
            json.writeStringField("mac", s.mac().hex());
            writeData(json, s.data());
        }, counts, slot, progress);
    }

    private static void writeLine(JsonGenerator json, Writer writer, IoAction fields, long[] counts, int slot,
                                  LongConsumer progress) {
        try {
            json.writeStartObject();
            fields.run();
            json.writeEndObject();
            json.flush();
            writer.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        counts[slot]++;
        long total = counts[0] + counts[1] + counts[2] + counts[3];
        if (total % 10_000 == 0) {
            progress.accept(total);
        }
    }

    private static void writeCell(JsonGenerator json, CellStation c) throws IOException {
        json.writeStringField("kind", "cell");
        json.writeStringField("radio", c.id().radio().label());
        json.writeNumberField("mcc", c.id().mcc());
        json.writeNumberField("mnc", c.id().mnc());
        json.writeNumberField("lac", c.id().lac());
        json.writeNumberField("cid", c.id().cid());
        number(json, "psc", c.psc());
        writeData(json, c.data());
    }

    private static void writeArea(JsonGenerator json, CellArea a) throws IOException {
        json.writeStringField("kind", "cellarea");
        json.writeStringField("radio", a.id().radio().label());
        json.writeNumberField("mcc", a.id().mcc());
        json.writeNumberField("mnc", a.id().mnc());
        json.writeNumberField("lac", a.id().lac());
        json.writeNumberField("lat", a.lat());
        json.writeNumberField("lon", a.lon());
        json.writeNumberField("radius", a.radius());
        string(json, "region", a.region());
        number(json, "avg_cell_radius", a.avgCellRadius());
        json.writeNumberField("num_cells", a.numCells());
        string(json, "created", a.created() == null ? null : a.created().toString());
        string(json, "modified", a.modified() == null ? null : a.modified().toString());
        string(json, "last_seen", a.lastSeen() == null ? null : a.lastSeen().toString());
    }

    private static void writeData(JsonGenerator json, StationData d) throws IOException {
        number(json, "lat", d.lat());
        number(json, "lon", d.lon());
        number(json, "radius", d.radius());
        number(json, "max_lat", d.maxLat());
        number(json, "min_lat", d.minLat());
        number(json, "max_lon", d.maxLon());
        number(json, "min_lon", d.minLon());
        string(json, "region", d.region());
        number(json, "samples", d.samples());
        number(json, "weight", d.weight());
        string(json, "source", d.source() == null ? null : d.source().label());
        string(json, "created", d.created() == null ? null : d.created().toString());
        string(json, "modified", d.modified() == null ? null : d.modified().toString());
        string(json, "last_seen", d.lastSeen() == null ? null : d.lastSeen().toString());
        string(json, "block_first", d.blockFirst() == null ? null : d.blockFirst().toString());
        string(json, "block_last", d.blockLast() == null ? null : d.blockLast().toString());
        number(json, "block_count", d.blockCount());
    }

    private static void number(JsonGenerator json, String name, Number value) throws IOException {
        if (value == null) {
            return;
        }
        if (value instanceof Double d) {
            json.writeNumberField(name, d);
        } else {
            json.writeNumberField(name, value.longValue());
        }
    }

    private static void string(JsonGenerator json, String name, String value) throws IOException {
        if (value != null) {
            json.writeStringField(name, value);
        }
    }

    /** Reads a station file (UTF-8 JSON Lines, blank lines ignored); {@code progress} hears every 10,000 lines. */
    public Counts importFrom(InputStream in, LongConsumer progress) {
        Batches batches = new Batches();
        long lineNumber = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (lineNumber % 10_000 == 0) {
                    progress.accept(lineNumber);
                }
                if (line.isBlank()) {
                    continue;
                }
                try {
                    batches.add(parse(line));
                } catch (IllegalArgumentException | DateTimeParseException | IOException e) {
                    batches.flush();
                    throw new StationFileException(lineNumber, batches.total(), e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        batches.flush();
        return batches.counts();
    }

    private final class Batches {
        private final List<MacStation> wifis = new ArrayList<>();
        private final List<MacStation> blues = new ArrayList<>();
        private final List<CellStation> cellList = new ArrayList<>();
        private final List<CellArea> areaList = new ArrayList<>();
        private final long[] counts = new long[4];

        void add(Object station) {
            if (station instanceof Kinded.Wifi w) {
                wifis.add(w.station());
            } else if (station instanceof Kinded.Blue b) {
                blues.add(b.station());
            } else if (station instanceof CellStation c) {
                cellList.add(c);
            } else {
                areaList.add((CellArea) station);
            }
            if (wifis.size() + blues.size() + cellList.size() + areaList.size() >= BATCH) {
                flush();
            }
        }

        void flush() {
            wifi.saveAll(wifis);
            blue.saveAll(blues);
            cells.saveAll(cellList);
            areas.saveAll(areaList);
            counts[0] += wifis.size();
            counts[1] += blues.size();
            counts[2] += cellList.size();
            counts[3] += areaList.size();
            wifis.clear();
            blues.clear();
            cellList.clear();
            areaList.clear();
        }

        long total() {
            return counts[0] + counts[1] + counts[2] + counts[3];
        }

        Counts counts() {
            return new Counts(counts[0], counts[1], counts[2], counts[3]);
        }
    }

    private sealed interface Kinded {
        record Wifi(MacStation station) implements Kinded {
        }

        record Blue(MacStation station) implements Kinded {
        }
    }

    private static Object parse(String line) throws IOException {
        Map<String, Object> f = fields(line);
        Object kind = f.get("kind");
        if (!(kind instanceof String k)) {
            throw new IllegalArgumentException("\"kind\" must be \"wifi\", \"blue\", \"cell\" or \"cellarea\"");
        }
        return switch (k) {
            case "wifi" -> new Kinded.Wifi(new MacStation(mac(f), data(f)));
            case "blue" -> new Kinded.Blue(new MacStation(mac(f), data(f)));
            case "cell" -> new CellStation(new CellId(radio(f), requiredInt(f, "mcc"), requiredInt(f, "mnc"),
                    requiredInt(f, "lac"), requiredLong(f, "cid")), optInt(f, "psc"), data(f));
            case "cellarea" -> new CellArea(new CellAreaId(radio(f), requiredInt(f, "mcc"), requiredInt(f, "mnc"),
                    requiredInt(f, "lac")), requiredDouble(f, "lat"), requiredDouble(f, "lon"),
                    requiredInt(f, "radius"), optString(f, "region"), optInt(f, "avg_cell_radius"),
                    requiredInt(f, "num_cells"), optInstant(f, "created"), optInstant(f, "modified"),
                    optDate(f, "last_seen"));
            default -> throw new IllegalArgumentException("unknown kind \"" + k + "\"");
        };
    }

    private static Map<String, Object> fields(String line) throws IOException {
        Map<String, Object> fields = new LinkedHashMap<>();
        try (JsonParser p = JSON.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("not a JSON object");
            }
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                switch (value) {
                    case VALUE_STRING -> fields.put(name, p.getText());
                    case VALUE_NUMBER_INT -> fields.put(name, p.getLongValue());
                    case VALUE_NUMBER_FLOAT -> fields.put(name, p.getDoubleValue());
                    case VALUE_TRUE, VALUE_FALSE -> fields.put(name, p.getBooleanValue());
                    case VALUE_NULL -> fields.put(name, null);
                    default -> throw new IllegalArgumentException("\"" + name + "\" is not a plain value");
                }
            }
            if (t != JsonToken.END_OBJECT || p.nextToken() != null) {
                throw new IllegalArgumentException("trailing content after the JSON object");
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("invalid JSON: " + e.getOriginalMessage());
        }
        return fields;
    }

    private static MacAddress mac(Map<String, Object> f) {
        Object mac = f.get("mac");
        if (!(mac instanceof String s)) {
            throw new IllegalArgumentException("\"mac\" is required");
        }
        return MacAddress.parse(s).orElseThrow(() -> new IllegalArgumentException("invalid mac \"" + s + "\""));
    }

    private static RadioType radio(Map<String, Object> f) {
        String name = optString(f, "radio");
        RadioType radio = RadioType.parse(name).orElseThrow(
                () -> new IllegalArgumentException("invalid radio \"" + name + "\""));
        if (!radio.isSupported()) {
            throw new IllegalArgumentException("cdma cells are not stored");
        }
        return radio;
    }

    private static StationData data(Map<String, Object> f) {
        String source = optString(f, "source");
        return new StationData(optDouble(f, "lat"), optDouble(f, "lon"), optDouble(f, "max_lat"),
                optDouble(f, "min_lat"), optDouble(f, "max_lon"), optDouble(f, "min_lon"), optInt(f, "radius"),
                optString(f, "region"), optLong(f, "samples"),
                source == null ? null : StationSource.parse(source).orElseThrow(
                        () -> new IllegalArgumentException("invalid source \"" + source + "\"")),
                optDouble(f, "weight"), optInstant(f, "created"), optInstant(f, "modified"), optDate(f, "last_seen"),
                optDate(f, "block_first"), optDate(f, "block_last"), optInt(f, "block_count"));
    }

    private static Object value(Map<String, Object> f, String name, Class<?> type, String what) {
        Object v = f.get(name);
        if (v != null && !type.isInstance(v)) {
            throw new IllegalArgumentException("\"" + name + "\" must be " + what);
        }
        return v;
    }

    private static String optString(Map<String, Object> f, String name) {
        return (String) value(f, name, String.class, "a string");
    }

    private static Double optDouble(Map<String, Object> f, String name) {
        Number n = (Number) value(f, name, Number.class, "a number");
        return n == null ? null : n.doubleValue();
    }

    private static Long optLong(Map<String, Object> f, String name) {
        Object v = value(f, name, Number.class, "a whole number");
        if (v instanceof Double) {
            throw new IllegalArgumentException("\"" + name + "\" must be a whole number");
        }
        return (Long) v;
    }

    private static Integer optInt(Map<String, Object> f, String name) {
        Long v = optLong(f, name);
        if (v != null && (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE)) {
            throw new IllegalArgumentException("\"" + name + "\" is out of range");
        }
        return v == null ? null : v.intValue();
    }

    private static int requiredInt(Map<String, Object> f, String name) {
        Integer v = optInt(f, name);
        if (v == null) {
            throw new IllegalArgumentException("\"" + name + "\" is required");
        }
        return v;
    }

    private static long requiredLong(Map<String, Object> f, String name) {
        Long v = optLong(f, name);
        if (v == null) {
            throw new IllegalArgumentException("\"" + name + "\" is required");
        }
        return v;
    }

    private static double requiredDouble(Map<String, Object> f, String name) {
        Double v = optDouble(f, name);
        if (v == null) {
            throw new IllegalArgumentException("\"" + name + "\" is required");
        }
        return v;
    }

    private static Instant optInstant(Map<String, Object> f, String name) {
        String s = optString(f, name);
        return s == null ? null : Instant.parse(s);
    }

    private static LocalDate optDate(Map<String, Object> f, String name) {
        String s = optString(f, name);
        return s == null ? null : LocalDate.parse(s);
    }
}
