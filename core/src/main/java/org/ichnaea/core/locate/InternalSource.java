package org.ichnaea.core.locate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.ichnaea.core.StoreUnavailableException;
import org.ichnaea.core.locate.cell.CellPositionSearch;
import org.ichnaea.core.locate.wifi.MacClusterer;
import org.ichnaea.core.locate.wifi.MacCluster;
import org.ichnaea.core.locate.wifi.MacKind;
import org.ichnaea.core.locate.wifi.MacNetwork;
import org.ichnaea.core.radio.CellAreaId;
import org.ichnaea.core.radio.CellId;
import org.ichnaea.core.radio.CellObservation;
import org.ichnaea.core.radio.MacAddress;
import org.ichnaea.core.radio.MobileCountryCodes;
import org.ichnaea.core.region.RegionShapes;
import org.ichnaea.core.station.CellArea;
import org.ichnaea.core.station.CellAreaStore;
import org.ichnaea.core.station.CellStation;
import org.ichnaea.core.station.CellStationStore;
import org.ichnaea.core.station.MacStation;
import org.ichnaea.core.station.MacStationStore;
import org.ichnaea.core.station.StationScore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The internal source: the service's own stations. Position results come from Bluetooth, Wi-Fi and cell searches
 * (docs/algorithms.md §5, §6); region results from MCCs, cell areas and station regions (docs/algorithms.md §8). A
 * store that is down is logged and skipped, so the other sources still answer.
 */
public final class InternalSource {

    private static final Logger LOG = LoggerFactory.getLogger(InternalSource.class);

    private final MacStationStore wifiStore;
    private final MacStationStore blueStore;
    private final CellStationStore cellStore;
    private final CellAreaStore areaStore;
    private final RegionShapes regions;
    private final MobileCountryCodes mccs;
    private final Algorithm algorithm;
    private final MacClusterer wifiClusterer;
    private final MacClusterer blueClusterer;

    /** Ichnaea's algorithm. */
    public InternalSource(MacStationStore wifiStore, MacStationStore blueStore, CellStationStore cellStore,
                          CellAreaStore areaStore, RegionShapes regions, MobileCountryCodes mccs) {
        this(wifiStore, blueStore, cellStore, areaStore, regions, mccs, Algorithm.ICHNAEA);
    }

    public InternalSource(MacStationStore wifiStore, MacStationStore blueStore, CellStationStore cellStore,
                          CellAreaStore areaStore, RegionShapes regions, MobileCountryCodes mccs,
                          Algorithm algorithm) {
        this.algorithm = algorithm;
        this.wifiClusterer = new MacClusterer(MacKind.WIFI, algorithm);
        this.blueClusterer = new MacClusterer(MacKind.BLUE, algorithm);
        this.wifiStore = wifiStore;
        this.blueStore = blueStore;
        this.cellStore = cellStore;
        this.areaStore = areaStore;
        this.regions = regions;
        this.mccs = mccs;
    }

    /** Whether the query has anything for this source: Bluetooth, Wi-Fi, cells, or areas with lacf on. */
    public static boolean applies(LocateQuery query) {
        return !query.blues().isEmpty() || !query.wifis().isEmpty() || !query.cells().isEmpty()
                || (query.lacf() && !query.areas().isEmpty());
    }

    /** Position results of every kind, Bluetooth first, then Wi-Fi, then cells (or areas). */
    public List<Result> positions(LocateQuery query, Instant now) {
        LocalDate today = now.atOffset(ZoneOffset.UTC).toLocalDate();
        List<Result> results = new ArrayList<>();
        if (!query.blues().isEmpty()) {
            Map<MacAddress, int[]> seen = new HashMap<>();
            query.blues().forEach(b -> seen.put(b.mac(), new int[] {ageOf(b.age()), signalOf(b.signal(),
                    MacKind.BLUE)}));
            results.addAll(macResults(MacKind.BLUE, blueClusterer, usable(blueStore, seen.keySet(), today, "blue"),
                    seen, now, today));
        }
        if (!query.wifis().isEmpty()) {
            Map<MacAddress, int[]> seen = new HashMap<>();
            query.wifis().forEach(w -> seen.put(w.mac(), new int[] {ageOf(w.age()), signalOf(w.signal(),
                    MacKind.WIFI)}));
            results.addAll(macResults(MacKind.WIFI, wifiClusterer, usable(wifiStore, seen.keySet(), today, "wifi"),
                    seen, now, today));
        }
        List<Result> cellResults = List.of();
        if (!query.cells().isEmpty()) {
            Map<CellId, CellObservation> queried = new LinkedHashMap<>();
            query.cells().forEach(c -> queried.put(c.cellId().orElseThrow(), c));
            List<CellStation> found = usableCells(queried.keySet(), today);
            if (algorithm == Algorithm.REFINED) {
                cellResults = CellPositionSearch.refinedFromCells(found, queried, now, today);
                if (cellResults.isEmpty() && query.lacf()) {
                    // Like an area, a site's other cells are a fallback the client may refuse (lacf false).
                    cellResults = siblings(queried.keySet(), now, today);
                }
            } else {
                cellResults = CellPositionSearch.fromCells(found, queried, now, today);
            }
        }
        if (!cellResults.isEmpty()) {
            results.addAll(cellResults);
        } else if (query.lacf() && !query.areas().isEmpty()) {
            results.addAll(CellPositionSearch.fromAreas(areas(areaIds(query.areas())), now, today,
                    algorithm == Algorithm.REFINED));
        }
        return results;
    }

    /**
     * Region results (docs/algorithms.md §8): every cell and area lookup votes for the regions of its MCC
     * (1/number of regions each), stored areas settle ambiguous MCCs, and Wi-Fi and Bluetooth stations vote with
     * their score for their stored region.
     */
    public List<Result> regions(LocateQuery query, Instant now) {
        LocalDate today = now.atOffset(ZoneOffset.UTC).toLocalDate();
        Map<String, Double> scores = new LinkedHashMap<>();
        List<CellObservation> lookups = new ArrayList<>(query.cells());
        lookups.addAll(query.areas());
        Set<CellAreaId> ambiguous = new LinkedHashSet<>();
        Set<String> allCandidates = new LinkedHashSet<>();
        for (CellObservation lookup : lookups) {
            Set<String> candidates = new LinkedHashSet<>();
            for (String code : mccs.regions(lookup.mcc())) {
                if (regions.isKnown(code)) {
                    candidates.add(code);
                }
            }
            for (String code : candidates) {
                scores.merge(code, 1.0 / candidates.size(), Double::sum);
            }
            allCandidates.addAll(candidates);
            if (candidates.size() > 1) {
                ambiguous.add(lookup.areaId().orElseThrow());
            }
        }
        if (!ambiguous.isEmpty()) {
            // As Ichnaea: a stored area counts for its region if any lookup of the query made that region a candidate.
            for (CellArea area : areas(ambiguous)) {
                if (area.region() != null && allCandidates.contains(area.region())) {
                    scores.merge(area.region(), StationScore.of(area, now), Double::sum);
                }
            }
        }
        Set<MacAddress> blueMacs = new LinkedHashSet<>();
        query.blues().forEach(b -> blueMacs.add(b.mac()));
        Set<MacAddress> wifiMacs = new LinkedHashSet<>();
        query.wifis().forEach(w -> wifiMacs.add(w.mac()));
        List<MacStation> stations = new ArrayList<>();
        if (!blueMacs.isEmpty()) {
            stations.addAll(usable(blueStore, blueMacs, today, "blue"));
        }
        if (!wifiMacs.isEmpty()) {
            stations.addAll(usable(wifiStore, wifiMacs, today, "wifi"));
        }
        for (MacStation station : stations) {
            String code = station.data().region();
            if (code != null && regions.isKnown(code)) {
                scores.merge(code, StationScore.of(station.data(), now), Double::sum);
            }
        }
        List<Result> results = new ArrayList<>(scores.size());
        scores.forEach((code, score) -> results.add(Result.region(code, regions.name(code).orElse(code),
                regions.maxRadiusMeters(code).orElse(org.ichnaea.core.geoip.GeoIpTables.DEFAULT_REGION_RADIUS_METERS),
                score, ResultSource.INTERNAL, null)));
        return results;
    }

    private List<Result> macResults(MacKind kind, MacClusterer clusterer, List<MacStation> found,
                                    Map<MacAddress, int[]> seen, Instant now, LocalDate today) {
        List<MacNetwork> networks = new ArrayList<>(found.size());
        for (MacStation station : found) {
            int[] query = seen.get(station.mac());
            networks.add(new MacNetwork(station.mac(), station.data().lat(), station.data().lon(), query[0],
                    query[1], StationScore.of(station.data(), now), station.data().isSeenOn(today)));
        }
        List<Result> results = new ArrayList<>();
        for (MacCluster cluster : clusterer.locate(networks)) {
            List<UsedNetwork> used = new ArrayList<>(cluster.sample().size());
            for (MacNetwork net : cluster.sample()) {
                used.add(new UsedNetwork(kind.type(), net.mac(), net.seenToday()));
            }
            results.add(Result.position(cluster.lat(), cluster.lon(), cluster.accuracy(), cluster.score(),
                    ResultSource.INTERNAL, null, used));
        }
        return results;
    }

    private static int ageOf(Integer age) {
        return Math.max(Math.abs(age == null ? 0 : age), 1000);
    }

    private static int signalOf(Integer signal, MacKind kind) {
        return signal == null ? kind.minSignal() : signal;
    }

    private List<MacStation> usable(MacStationStore store, Set<MacAddress> macs, LocalDate today, String what) {
        List<MacStation> found = guarded(() -> store.findAll(macs), what);
        found.removeIf(s -> !s.data().isUsable(today));
        return found;
    }

    private List<CellStation> usableCells(Set<CellId> ids, LocalDate today) {
        List<CellStation> found = guarded(() -> cellStore.findAll(ids), "cell");
        found.removeIf(s -> !s.data().isUsable(today));
        return found;
    }

    /** Refined: results from the known siblings of the query's unknown cells, one per site. */
    private List<Result> siblings(Set<CellId> unknown, Instant now, LocalDate today) {
        Set<List<Object>> sites = new HashSet<>();
        List<Result> results = new ArrayList<>();
        for (CellId id : unknown) {
            if (!sites.add(List.of(id.area(), id.siteCids()[0]))) {
                continue;
            }
            List<CellStation> site = guarded(() -> cellStore.findSite(id), "cell");
            site.removeIf(s -> !s.data().isUsable(today));
            CellPositionSearch.fromSiblings(id, site, now, today).ifPresent(results::add);
        }
        return results;
    }

    private List<CellArea> areas(Set<CellAreaId> ids) {
        return guarded(() -> areaStore.findAll(ids), "cell area");
    }

    private static Set<CellAreaId> areaIds(List<CellObservation> areas) {
        Set<CellAreaId> ids = new LinkedHashSet<>();
        areas.forEach(a -> ids.add(a.areaId().orElseThrow()));
        return ids;
    }

    private static <T> List<T> guarded(Supplier<List<T>> lookup, String what) {
        try {
            return new ArrayList<>(lookup.get());
        } catch (StoreUnavailableException e) {
            LOG.warn("{} store unavailable, skipping it: {}", what, e.getMessage());
            return new ArrayList<>();
        }
    }
}
