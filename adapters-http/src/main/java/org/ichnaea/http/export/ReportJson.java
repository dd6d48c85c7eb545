package org.ichnaea.http.export;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ichnaea.core.radio.BlueObservation;
import org.ichnaea.core.radio.CellObservation;
import org.ichnaea.core.radio.WifiObservation;
import org.ichnaea.core.submit.Report;
import org.ichnaea.core.submit.ReportPosition;

/**
 * A report as one item of a v2 geosubmit body (docs/api.md "/v2/geosubmit"), the format Ichnaea's {@code geosubmit}
 * and {@code s3} exporters write: absent fields are left out, API-key metadata is not included.
 */
public final class ReportJson {

    private ReportJson() {
    }

    /** {@code {"items": [...]}} for a batch. */
    public static Map<String, Object> items(List<Report> reports) {
        List<Map<String, Object>> items = new ArrayList<>(reports.size());
        for (Report report : reports) {
            items.add(item(report));
        }
        return Map.of("items", items);
    }

    public static Map<String, Object> item(Report r) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("timestamp", r.timestamp());
        ReportPosition p = r.position();
        if (p != null) {
            Map<String, Object> position = new LinkedHashMap<>();
            position.put("latitude", p.lat());
            position.put("longitude", p.lon());
            put(position, "accuracy", p.accuracy());
            put(position, "altitude", p.altitude());
            put(position, "altitudeAccuracy", p.altitudeAccuracy());
            put(position, "age", p.age());
            put(position, "heading", p.heading());
            put(position, "pressure", p.pressure());
            put(position, "speed", p.speed());
            if (p.source() != null) {
                position.put("source", p.source().label());
            }
            item.put("position", position);
        }
        if (!r.blues().isEmpty()) {
            List<Map<String, Object>> list = new ArrayList<>();
            for (BlueObservation b : r.blues()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("macAddress", b.mac().toString());
                put(m, "age", b.age());
                put(m, "name", b.name());
                put(m, "signalStrength", b.signal());
                list.add(m);
            }
            item.put("bluetoothBeacons", list);
        }
        if (!r.cells().isEmpty()) {
            List<Map<String, Object>> list = new ArrayList<>();
            for (CellObservation c : r.cells()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("radioType", c.radio().label());
                m.put("mobileCountryCode", c.mcc());
                m.put("mobileNetworkCode", c.mnc());
                put(m, "locationAreaCode", c.lac());
                put(m, "cellId", c.cid());
                put(m, "age", c.age());
                put(m, "asu", c.asu());
                put(m, "primaryScramblingCode", c.psc());
                put(m, "signalStrength", c.signal());
                put(m, "timingAdvance", c.ta());
                list.add(m);
            }
            item.put("cellTowers", list);
        }
        if (!r.wifis().isEmpty()) {
            List<Map<String, Object>> list = new ArrayList<>();
            for (WifiObservation w : r.wifis()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("macAddress", w.mac().toString());
                put(m, "age", w.age());
                put(m, "channel", w.channel());
                put(m, "frequency", w.frequency());
                put(m, "signalStrength", w.signal());
                put(m, "signalToNoiseRatio", w.snr());
                put(m, "ssid", w.ssid());
                list.add(m);
            }
            item.put("wifiAccessPoints", list);
        }
        return item;
    }

    private static void put(Map<String, Object> map, String name, Object value) {
        if (value != null) {
            map.put(name, value);
        }
    }
}
