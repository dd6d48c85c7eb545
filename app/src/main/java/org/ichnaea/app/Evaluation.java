package org.ichnaea.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.ichnaea.core.evaluate.Answer;
import org.ichnaea.core.evaluate.EvaluationResult;
import org.ichnaea.core.evaluate.Evaluator;
import org.ichnaea.core.evaluate.Figures;
import org.ichnaea.core.evaluate.LookupOrder;
import org.ichnaea.core.evaluate.TestQuery;
import org.ichnaea.core.radio.MobileCountryCodes;
import org.ichnaea.core.region.RegionShapes;
import org.ichnaea.core.submit.ReportInput;
import org.ichnaea.geoip.JtsRegionShapes;
import org.ichnaea.http.ApiException;
import org.ichnaea.http.json.Json;
import org.ichnaea.http.RequestJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code evaluate} command's work (docs/accuracy.md): learns from a training file of Geosubmit v2 items through
 * the real submit path and pipeline on in-memory stores ({@link Evaluator}), answers every query of a test file
 * through the real locate engine, and measures the answers against the true positions.
 *
 * <p>Both files hold one JSON object per line, {@code .gz} by name. Training lines are Geosubmit v2 items, read by
 * the {@code /v2/geosubmit} parser (so a {@code _meta} key, like any unknown key, is ignored). Test lines are either
 * queries of the team's {@code make_queries.py} ({@code {"truth": {"lat", "lon"}, "kind", "tags", "request"}}, the
 * request read by the {@code /v1/geolocate} parser) or plain Geosubmit items, whose position is the truth and whose
 * networks make the query, with the fields of the geolocate API only and {@code considerIp} false.
 */
public final class Evaluation {

    private static final Logger LOG = LoggerFactory.getLogger(Evaluation.class);
    /** Unreadable lines reported by number per file; the rest are only counted. */
    private static final int BAD_LINES_LOGGED = 10;
    /** Items per submission: what a stumbler's {@code /v2/geosubmit} request carries at most, roughly. */
    private static final int ITEMS_PER_SUBMISSION = 100;

    private static final String[] WIFI_FIELDS = {"macAddress", "signalStrength", "age", "channel", "frequency",
        "ssid", "signalToNoiseRatio"};
    private static final String[] CELL_FIELDS = {"radioType", "mobileCountryCode", "mobileNetworkCode",
        "locationAreaCode", "cellId", "age", "signalStrength", "timingAdvance", "primaryScramblingCode"};
    private static final String[] BLUE_FIELDS = {"macAddress", "signalStrength", "age", "name"};

    private Evaluation() {
    }

    /**
     * How to evaluate.
     *
     * @param batch   reports per batch of the internal export (the server's default: 1000)
     * @param now     the fixed instant at which everything is learnt and asked
     * @param tags    tag keys of the test queries to group the figures by
     * @param order   the order in which the engine gets the Wi-Fi and Bluetooth stations it looks up; null for
     *                {@link LookupOrder#DATABASE}, the server's
     * @param regions the region shapes; null for the bundled ones the server uses
     */
    public record Options(int batch, Instant now, List<String> tags, LookupOrder order, RegionShapes regions,
                          org.ichnaea.core.locate.Algorithm algorithm) {

        public Options {
            if (batch < 1 || batch > 100_000) {
                throw new IllegalArgumentException("--batch: between 1 and 100000, not " + batch);
            }
            now = now == null ? Evaluator.DEFAULT_NOW : now;
            tags = tags == null ? List.of() : List.copyOf(tags);
            order = order == null ? LookupOrder.DATABASE : order;
            algorithm = algorithm == null ? org.ichnaea.core.locate.Algorithm.REFINED : algorithm;
        }

        public static Options defaults() {
            return new Options(1000, null, List.of(), null, null, null);
        }
    }

    /** Learns from {@code train}, answers every query of {@code test}, and answers the figures. */
    public static EvaluationResult run(Path train, Path test, Options options) throws IOException {
        RegionShapes regions = options.regions() != null ? options.regions() : JtsRegionShapes.bundled();
        Evaluator evaluator = new Evaluator(regions, MobileCountryCodes.bundled(),
                Clock.fixed(options.now(), ZoneOffset.UTC), options.batch(), options.order(), options.algorithm());
        long start = System.nanoTime();
        EvaluationResult.Lines trainLines = learn(train, evaluator);
        long learnt = System.nanoTime();
        List<Answer> answers = new ArrayList<>();
        EvaluationResult.Lines testLines = forEachLine(test, (node, where) -> {
            answers.add(evaluator.answer(testQuery(node)));
        });
        long answered = System.nanoTime();
        return EvaluationResult.of(evaluator.learning(), trainLines, testLines, answers, options.tags(),
                (learnt - start) / 1_000_000, (answered - learnt) / 1_000_000);
    }

    private static EvaluationResult.Lines learn(Path train, Evaluator evaluator) throws IOException {
        List<ReportInput> pending = new ArrayList<>(ITEMS_PER_SUBMISSION);
        EvaluationResult.Lines lines = forEachLine(train, (node, where) -> {
            pending.addAll(RequestJson.geosubmitItem(node));
            if (pending.size() >= ITEMS_PER_SUBMISSION) {
                evaluator.submit(pending);
                pending.clear();
            }
        });
        if (!pending.isEmpty()) {
            evaluator.submit(pending);
        }
        evaluator.learn();
        return lines;
    }

    /**
     * A test line as a query: a {@code make_queries.py} line (with {@code request}) or a Geosubmit item (with
     * {@code position}).
     */
    static TestQuery testQuery(JsonNode line) {
        if (!line.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        JsonNode request = line.get("request");
        if (request != null && !request.isNull()) {
            JsonNode truth = line.get("truth");
            if (truth == null || !truth.isObject()) {
                throw new IllegalArgumentException("a query line without \"truth\"");
            }
            Map<String, String> tags = new LinkedHashMap<>();
            JsonNode tagNode = line.get("tags");
            if (tagNode != null && tagNode.isObject()) {
                tagNode.fields().forEachRemaining(e -> tags.put(e.getKey(), e.getValue().isValueNode()
                        ? e.getValue().asText() : e.getValue().toString()));
            }
            return new TestQuery(coordinate(truth, "lat", 90), coordinate(truth, "lon", 180),
                    Json.string(line.get("kind")), tags, RequestJson.geolocate(request));
        }
        JsonNode position = line.get("position");
        if (position == null || !position.isObject()) {
            throw new IllegalArgumentException("neither a query (\"request\") nor a Geosubmit item (\"position\")");
        }
        ObjectNode query = Json.MAPPER.createObjectNode();
        query.put("considerIp", false);
        List<String> types = new ArrayList<>();
        pick(line, query, "wifiAccessPoints", WIFI_FIELDS, "wifi", types);
        pick(line, query, "cellTowers", CELL_FIELDS, "cell", types);
        pick(line, query, "bluetoothBeacons", BLUE_FIELDS, "blue", types);
        String kind = types.isEmpty() ? "none" : types.size() == 1 ? types.get(0) : "mixed";
        return new TestQuery(coordinate(position, "latitude", 90), coordinate(position, "longitude", 180), kind,
                Map.of(), RequestJson.geolocate(query));
    }

    /** Copies the item's list {@code name} into the query, each entry with the geolocate fields only. */
    private static void pick(JsonNode item, ObjectNode query, String name, String[] fields, String type,
                             List<String> types) {
        JsonNode list = item.get(name);
        if (list == null || !list.isArray() || list.isEmpty()) {
            return;
        }
        var out = query.putArray(name);
        for (JsonNode entry : list) {
            if (!entry.isObject()) {
                out.add(entry);
                continue;
            }
            ObjectNode picked = out.addObject();
            for (String field : fields) {
                JsonNode value = entry.get(field);
                if (value != null && !value.isNull()) {
                    picked.set(field, value);
                }
            }
        }
        types.add(type);
    }

    private static double coordinate(JsonNode parent, String name, double max) {
        Double value = Json.number(parent.get(name));
        if (value == null || !Double.isFinite(value) || Math.abs(value) > max) {
            throw new IllegalArgumentException("no valid \"" + name + "\" in the true position");
        }
        return value;
    }

    @FunctionalInterface
    private interface LineHandler {
        void handle(JsonNode line, String where);
    }

    /** Hands every non-blank line, parsed, to {@code handler}; counts and logs the lines it cannot use. */
    private static EvaluationResult.Lines forEachLine(Path file, LineHandler handler) throws IOException {
        long lines = 0;
        long bad = 0;
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw, 65536) : raw;
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 65536)) {
            String text;
            long number = 0;
            while ((text = reader.readLine()) != null) {
                number++;
                if (text.isBlank()) {
                    continue;
                }
                lines++;
                String where = file.getFileName() + ":" + number;
                try {
                    handler.handle(Json.parse(text), where);
                } catch (JsonProcessingException | ApiException | IllegalArgumentException e) {
                    if (bad++ < BAD_LINES_LOGGED) {
                        LOG.warn("{}: skipped: {}", where, reason(e));
                    }
                }
            }
        }
        if (bad > BAD_LINES_LOGGED) {
            LOG.warn("{}: {} lines skipped in all", file.getFileName(), bad);
        }
        return new EvaluationResult.Lines(lines, bad);
    }

    private static String reason(Exception e) {
        if (e instanceof ApiException api) {
            return "parseError " + Json.write(api.details());
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** The figures as a readable table. */
    public static String table(EvaluationResult r) {
        StringBuilder out = new StringBuilder();
        Evaluator.Learning l = r.learning();
        Evaluator.Stations s = l.stations();
        out.append(String.format(Locale.ROOT, "learnt from %,d lines (%,d unreadable): %,d reports queued, %,d "
                        + "dropped at submission, %,d dropped by the pipeline; %,d observations%n", r.train().lines(),
                r.train().bad(), l.submitted(), l.droppedAtSubmit(), l.droppedReports(), l.observations()));
        out.append(String.format(Locale.ROOT, "stations (usable): wifi %,d (%,d), blue %,d (%,d), cell %,d (%,d), "
                        + "cell areas %,d%n", s.wifi(), s.wifiUsable(), s.blue(), s.blueUsable(), s.cell(),
                s.cellUsable(), s.cellAreas()));
        out.append(String.format(Locale.ROOT, "asked %,d queries (%,d unreadable lines); learning %.1f s, "
                        + "answering %.1f s%n%n", r.overall().queries(), r.test().bad(), r.learnMillis() / 1000.0,
                r.answerMillis() / 1000.0));
        out.append(String.format(Locale.ROOT, "%-22s %8s %8s %9s %9s %9s %9s %9s %10s%n", "", "queries", "found%",
                "p50 m", "p68 m", "p90 m", "p95 m", "inside%", "med acc m"));
        row(out, "all", r.overall());
        out.append("answered by\n");
        r.byAnswer().forEach((k, f) -> row(out, "  " + k, f));
        out.append("query kind\n");
        r.byKind().forEach((k, f) -> row(out, "  " + k, f));
        r.byTag().forEach((tag, groups) -> {
            out.append("tag ").append(tag).append('\n');
            groups.forEach((k, f) -> row(out, "  " + k, f));
        });
        return out.toString();
    }

    private static void row(StringBuilder out, String label, Figures f) {
        out.append(String.format(Locale.ROOT, "%-22s %8d %8s %9s %9s %9s %9s %9s %10s%n", label, f.queries(),
                fixed(f.foundPercent()), fixed(f.errorP50()), fixed(f.errorP68()), fixed(f.errorP90()),
                fixed(f.errorP95()), fixed(f.insidePercent()), fixed(f.medianAccuracy())));
    }

    private static String fixed(Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%.1f", value);
    }

    /** The figures as JSON, for scripts and tests. */
    public static String json(EvaluationResult r) {
        return Json.write(r);
    }
}
