package org.ichnaea.core.locate;

import java.net.InetAddress;
import java.util.List;
import org.ichnaea.core.apikey.ApiKey;
import org.ichnaea.core.apikey.ApiType;
import org.ichnaea.core.radio.BlueObservation;
import org.ichnaea.core.radio.CellObservation;
import org.ichnaea.core.radio.WifiObservation;

/**
 * A validated query (docs/algorithms.md §1): every network in it is well-formed and unique, Wi-Fi and Bluetooth
 * lists have at least two networks or none, {@code cells} hold complete cell ids and {@code areas} the area lookups
 * (empty when {@code lacf} is off).
 *
 * @param ip     the client address, null when absent or unparsable
 * @param apiKey the caller's key, null when anonymous
 */
public record LocateQuery(InetAddress ip, boolean ipf, boolean lacf, List<BlueObservation> blues,
                          List<CellObservation> cells, List<CellObservation> areas, List<WifiObservation> wifis,
                          ApiKey apiKey, ApiType apiType) {

    public LocateQuery {
        blues = List.copyOf(blues);
        cells = List.copyOf(cells);
        areas = List.copyOf(areas);
        wifis = List.copyOf(wifis);
        if (apiType == null) {
            apiType = ApiType.LOCATE;
        }
    }

    /** Whether the query names any network (Bluetooth, cell, cell area or Wi-Fi). */
    public boolean hasNetworks() {
        return !blues.isEmpty() || !cells.isEmpty() || !areas.isEmpty() || !wifis.isEmpty();
    }

    /** The query's expected accuracy class (docs/algorithms.md §2). */
    public DataAccuracy expectedAccuracy() {
        DataAccuracy expected = DataAccuracy.NONE;
        if (apiType == ApiType.REGION) {
            if (!blues.isEmpty() || !cells.isEmpty() || !wifis.isEmpty()) {
                expected = DataAccuracy.LOW;
            }
        } else {
            if (!cells.isEmpty()) {
                expected = DataAccuracy.MEDIUM;
            }
            if (!blues.isEmpty() || !wifis.isEmpty()) {
                expected = DataAccuracy.HIGH;
            }
        }
        if ((!areas.isEmpty() && lacf) || (ip != null && ipf)) {
            expected = DataAccuracy.better(expected, DataAccuracy.LOW);
        }
        return expected;
    }
}
