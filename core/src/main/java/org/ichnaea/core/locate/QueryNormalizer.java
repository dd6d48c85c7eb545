package org.ichnaea.core.locate;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.ichnaea.core.apikey.ApiKey;
import org.ichnaea.core.apikey.ApiType;
import org.ichnaea.core.geoip.IpAddresses;
import org.ichnaea.core.radio.BlueObservation;
import org.ichnaea.core.radio.CellObservation;
import org.ichnaea.core.radio.MacAddress;
import org.ichnaea.core.radio.MobileCountryCodes;
import org.ichnaea.core.radio.RadioType;
import org.ichnaea.core.radio.WifiObservation;

/**
 * Validates and normalises a client query (docs/algorithms.md §1 with the leniency of docs/api.md "Lenient parsing" and
 * the fixes of docs/decisions/001-fixed-ichnaea-quirks.md): bad entries are dropped one by one, never the whole query;
 * duplicates are merged keeping the better entry; Wi-Fi networks that opted out of mapping are ignored; Wi-Fi and
 * Bluetooth lists with fewer than two distinct networks are emptied.
 */
public final class QueryNormalizer {

    /** A Wi-Fi or Bluetooth list needs this many distinct networks, so one known MAC cannot be looked up alone. */
    public static final int MIN_MAC_NETWORKS = 2;

    private static final List<Better<BlueObservation>> BLUE_BETTER = List.of(
            new Better<>(BlueObservation::signal, true),
            new Better<>(BlueObservation::age, false));
    private static final List<Better<WifiObservation>> WIFI_BETTER = List.of(
            new Better<>(WifiObservation::signal, true),
            new Better<>(WifiObservation::snr, true),
            new Better<>(WifiObservation::age, false));
    private static final List<Better<CellObservation>> CELL_BETTER = List.of(
            new Better<>(CellObservation::ta, false),
            new Better<>(CellObservation::signal, true),
            new Better<>(CellObservation::asu, true),
            new Better<>(CellObservation::age, false));

    private final MobileCountryCodes mccs;

    public QueryNormalizer(MobileCountryCodes mccs) {
        this.mccs = mccs;
    }

    public QueryNormalizer() {
        this(MobileCountryCodes.bundled());
    }

    public LocateQuery normalize(QueryInput input, ApiKey apiKey, ApiType apiType) {
        boolean ipf;
        boolean lacf;
        if (input.fallbacks() != null) {
            // Ichnaea ignores considerIp whenever a fallbacks object is present
            // (docs/decisions/001-fixed-ichnaea-quirks.md quirk 7), kept for compatibility.
            ipf = input.fallbacks().ipf() == null || input.fallbacks().ipf();
            lacf = input.fallbacks().lacf() == null || input.fallbacks().lacf();
        } else {
            ipf = input.considerIp() == null || input.considerIp();
            lacf = true;
        }
        InetAddress ip = IpAddresses.parse(input.ip()).orElse(null);

        List<BlueObservation> blues = new ArrayList<>();
        for (QueryInput.Blue b : input.blues()) {
            BlueObservation.validate(b.macAddress(), b.age(), b.signalStrength(), b.name()).ifPresent(blues::add);
        }
        blues = atLeastTwo(dedupe(blues, BlueObservation::mac, BLUE_BETTER));

        List<WifiObservation> wifis = new ArrayList<>();
        Set<MacAddress> optedOut = new HashSet<>();
        for (QueryInput.Wifi w : input.wifis()) {
            WifiObservation.validate(w.macAddress(), w.age(), w.channel(), w.frequency(), w.signalStrength(),
                    w.signalToNoiseRatio(), w.ssid()).ifPresent(o -> {
                        wifis.add(o);
                        if (o.isOptedOut()) {
                            optedOut.add(o.mac());
                        }
                    });
        }
        // A network that says _nomap or _optout in any entry is out, whichever duplicate would be kept.
        List<WifiObservation> mappable = dedupe(wifis, WifiObservation::mac, WIFI_BETTER);
        mappable.removeIf(o -> optedOut.contains(o.mac()));
        List<WifiObservation> validWifis = atLeastTwo(mappable);

        List<CellObservation> cells = new ArrayList<>();
        List<CellObservation> areas = new ArrayList<>();
        for (QueryInput.Cell c : input.cells()) {
            String radio = c.radioType() != null ? c.radioType() : input.radioType();
            Optional<CellObservation> valid = CellObservation.validate(radio, c.mobileCountryCode(),
                    c.mobileNetworkCode(), c.locationAreaCode(), c.cellId(), c.psc(), c.age(), c.signalStrength(),
                    c.asu(), c.timingAdvance(), mccs);
            if (valid.isPresent()) {
                CellObservation cell = valid.get();
                if (cell.cellId().isPresent()) {
                    cells.add(cell);
                }
                if (cell.areaId().isPresent()) {
                    areas.add(cell);
                    if (cell.radio() == RadioType.WCDMA && RadioType.parse(radio).orElse(null) == RadioType.GSM) {
                        // A GSM cell id above 65535 made the cell WCDMA; its area may be known as GSM (Ichnaea
                        // looks only there) or as WCDMA (where this pipeline learns it): both are asked.
                        areas.add(new CellObservation(RadioType.GSM, cell.mcc(), cell.mnc(), cell.lac(), null,
                                null, cell.age(), cell.signal(), null, null));
                    }
                }
            }
        }
        cells = dedupe(cells, o -> o.cellId().orElseThrow(), CELL_BETTER);
        areas = lacf ? dedupe(areas, o -> o.areaId().orElseThrow(), CELL_BETTER) : List.of();

        return new LocateQuery(ip, ipf, lacf, blues, cells, areas, validWifis, apiKey, apiType);
    }

    private static <T> List<T> atLeastTwo(List<T> networks) {
        return networks.size() < MIN_MAC_NETWORKS ? List.of() : networks;
    }

    /**
     * Merges entries with the same key. A later duplicate replaces the kept entry unless the kept entry is better on
     * the first field where both have a value and the values differ (docs/decisions/001-fixed-ichnaea-quirks.md fix 4;
     * Ichnaea kept the older entry as soon as it won on any field, even after losing on an earlier one).
     */
    static <K, T> List<T> dedupe(List<T> entries, Function<T, K> key, List<Better<T>> comparators) {
        Map<K, T> kept = new LinkedHashMap<>();
        for (T entry : entries) {
            K k = key.apply(entry);
            T old = kept.get(k);
            if (old == null || !isBetter(old, entry, comparators)) {
                kept.put(k, entry);
            }
        }
        return new ArrayList<>(kept.values());
    }

    private static <T> boolean isBetter(T old, T candidate, List<Better<T>> comparators) {
        for (Better<T> comparator : comparators) {
            Integer a = comparator.field().apply(old);
            Integer b = comparator.field().apply(candidate);
            if (a != null && b != null && !a.equals(b)) {
                return comparator.higherIsBetter() ? a > b : a < b;
            }
        }
        return false;
    }

    /** One field of the "better duplicate" rule. */
    record Better<T>(Function<T, Integer> field, boolean higherIsBetter) {
    }
}
