package org.ichnaea.mysql.queue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.ichnaea.core.radio.BlueObservation;
import org.ichnaea.core.radio.CellObservation;
import org.ichnaea.core.radio.MacAddress;
import org.ichnaea.core.radio.RadioType;
import org.ichnaea.core.radio.WifiObservation;
import org.ichnaea.core.station.StationSource;
import org.ichnaea.core.submit.IncomingReport;
import org.ichnaea.core.submit.Report;
import org.ichnaea.core.submit.ReportPosition;

/**
 * The {@code update_incoming} item as JSON, in Ichnaea's shape: {@code {"api_key", "source", "report"}} with the
 * report in geosubmit v2 names (ichnaea-behaviour.md §1.5, §5.1). Absent values are omitted.
 */
public final class IncomingReportJson implements QueueCodec<IncomingReport> {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public byte[] encode(IncomingReport item) {
        ObjectNode root = MAPPER.createObjectNode();
        if (item.apiKey() != null) {
            root.put("api_key", item.apiKey());
        }
        root.put("source", item.source().label());
        Report r = item.report();
        ObjectNode report = root.putObject("report");
        report.put("timestamp", r.timestamp());
        if (r.position() == null) {
            report.putNull("position");
        } else {
            ReportPosition p = r.position();
            ObjectNode pos = report.putObject("position");
            pos.put("latitude", p.lat());
            pos.put("longitude", p.lon());
            put(pos, "accuracy", p.accuracy());
            put(pos, "altitude", p.altitude());
            put(pos, "altitudeAccuracy", p.altitudeAccuracy());
            put(pos, "heading", p.heading());
            put(pos, "pressure", p.pressure());
            put(pos, "speed", p.speed());
            put(pos, "age", p.age());
            if (p.source() != null) {
                pos.put("source", p.source().label());
            }
        }
        ArrayNode blues = report.putArray("bluetoothBeacons");
        for (BlueObservation b : r.blues()) {
            ObjectNode n = blues.addObject();
            n.put("macAddress", b.mac().hex());
            put(n, "age", b.age());
            put(n, "signalStrength", b.signal());
            if (b.name() != null) {
                n.put("name", b.name());
            }
        }
        ArrayNode cells = report.putArray("cellTowers");
        for (CellObservation c : r.cells()) {
            ObjectNode n = cells.addObject();
            n.put("radioType", c.radio().label());
            n.put("mobileCountryCode", c.mcc());
            n.put("mobileNetworkCode", c.mnc());
            put(n, "locationAreaCode", c.lac());
            if (c.cid() != null) {
                n.put("cellId", c.cid());
            }
            put(n, "primaryScramblingCode", c.psc());
            put(n, "age", c.age());
            put(n, "signalStrength", c.signal());
            put(n, "asu", c.asu());
            put(n, "timingAdvance", c.ta());
        }
        ArrayNode wifis = report.putArray("wifiAccessPoints");
        for (WifiObservation w : r.wifis()) {
            ObjectNode n = wifis.addObject();
            n.put("macAddress", w.mac().hex());
            put(n, "age", w.age());
            put(n, "channel", w.channel());
            put(n, "frequency", w.frequency());
            put(n, "signalStrength", w.signal());
            put(n, "signalToNoiseRatio", w.snr());
            if (w.ssid() != null) {
                n.put("ssid", w.ssid());
            }
        }
        if (r.ipf() != null || r.lacf() != null) {
            ObjectNode fallbacks = report.putObject("fallbacks");
            if (r.ipf() != null) {
                fallbacks.put("ipf", r.ipf());
            }
            if (r.lacf() != null) {
                fallbacks.put("lacf", r.lacf());
            }
        }
        try {
            return MAPPER.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode a report", e);
        }
    }

    private static void put(ObjectNode node, String name, Double value) {
        if (value != null) {
            node.put(name, value);
        }
    }

    private static void put(ObjectNode node, String name, Integer value) {
        if (value != null) {
            node.put(name, value);
        }
    }

    @Override
    public IncomingReport decode(byte[] bytes) {
        JsonNode root;
        try {
            root = MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a queued report: " + e.getMessage(), e);
        }
        JsonNode r = root.path("report");
        JsonNode p = r.path("position");
        ReportPosition position = p.isObject() ? new ReportPosition(p.path("latitude").doubleValue(),
                p.path("longitude").doubleValue(), dbl(p, "accuracy"), dbl(p, "altitude"), dbl(p, "altitudeAccuracy"),
                dbl(p, "heading"), dbl(p, "pressure"), dbl(p, "speed"), integer(p, "age"),
                p.hasNonNull("source") ? StationSource.parse(p.get("source").asText()).orElse(null) : null) : null;
        List<BlueObservation> blues = new ArrayList<>();
        for (JsonNode n : r.path("bluetoothBeacons")) {
            blues.add(new BlueObservation(MacAddress.of(n.path("macAddress").asText()), integer(n, "age"),
                    integer(n, "signalStrength"), n.hasNonNull("name") ? n.get("name").asText() : null));
        }
        List<CellObservation> cells = new ArrayList<>();
        for (JsonNode n : r.path("cellTowers")) {
            cells.add(new CellObservation(RadioType.parse(n.path("radioType").asText()).orElseThrow(),
                    n.path("mobileCountryCode").intValue(), n.path("mobileNetworkCode").intValue(),
                    integer(n, "locationAreaCode"), n.hasNonNull("cellId") ? n.get("cellId").longValue() : null,
                    integer(n, "primaryScramblingCode"), integer(n, "age"), integer(n, "signalStrength"),
                    integer(n, "asu"), integer(n, "timingAdvance")));
        }
        List<WifiObservation> wifis = new ArrayList<>();
        for (JsonNode n : r.path("wifiAccessPoints")) {
            wifis.add(new WifiObservation(MacAddress.of(n.path("macAddress").asText()), integer(n, "age"),
                    integer(n, "channel"), integer(n, "frequency"), integer(n, "signalStrength"),
                    integer(n, "signalToNoiseRatio"), n.hasNonNull("ssid") ? n.get("ssid").asText() : null));
        }
        JsonNode fb = r.path("fallbacks");
        Boolean ipf = fb.hasNonNull("ipf") ? fb.get("ipf").booleanValue() : null;
        Boolean lacf = fb.hasNonNull("lacf") ? fb.get("lacf").booleanValue() : null;
        Report report = new Report(r.path("timestamp").longValue(), position, blues, cells, wifis, ipf, lacf);
        return new IncomingReport(root.hasNonNull("api_key") ? root.get("api_key").asText() : null,
                StationSource.parse(root.path("source").asText()).orElse(StationSource.GNSS), report);
    }

    private static Double dbl(JsonNode n, String name) {
        return n.hasNonNull(name) ? n.get(name).doubleValue() : null;
    }

    private static Integer integer(JsonNode n, String name) {
        return n.hasNonNull(name) ? n.get(name).intValue() : null;
    }
}
