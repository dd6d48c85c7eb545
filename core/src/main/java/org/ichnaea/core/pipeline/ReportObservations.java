package org.ichnaea.core.pipeline;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ichnaea.core.radio.BlueObservation;
import org.ichnaea.core.radio.CellId;
import org.ichnaea.core.radio.CellObservation;
import org.ichnaea.core.radio.MacAddress;
import org.ichnaea.core.radio.MobileCountryCodes;
import org.ichnaea.core.radio.WifiObservation;
import org.ichnaea.core.region.RegionShapes;
import org.ichnaea.core.submit.IncomingReport;
import org.ichnaea.core.submit.Report;
import org.ichnaea.core.submit.ReportPosition;

/**
 * The internal exporter's transform (docs/algorithms.md §13.6): a report becomes weighted observations per
 * network. Reports without a position, or outside every region (when shapes are loaded), are dropped; cells
 * outside their MCC's regions, opted-out Wi-Fi networks and zero-weight observations too. Each drop is counted by
 * {@link DropReason} in {@link Batch#drops()}.
 */
public final class ReportObservations {

    /** Accuracy limits beyond which an observation weighs nothing (blue 100 m, wifi 200 m, cell 1 km). */
    static final double BLUE_ACCURACY = 100;
    static final double WIFI_ACCURACY = 200;
    static final double CELL_ACCURACY = 1000;

    /** The observations of a batch of reports, per network key, plus the cell psc seen last. */
    public record Batch(Map<MacAddress, java.util.List<StationObservation>> blue,
                        Map<MacAddress, java.util.List<StationObservation>> wifi,
                        Map<CellId, java.util.List<StationObservation>> cell, Map<CellId, Integer> psc,
                        int droppedReports, java.util.Set<org.ichnaea.core.datamap.GridCell> grid,
                        Map<DropReason, Integer> drops) {

        public int observations() {
            return count(blue) + count(wifi) + count(cell);
        }

        private static int count(Map<?, java.util.List<StationObservation>> map) {
            return map.values().stream().mapToInt(java.util.List::size).sum();
        }
    }

    private final RegionShapes regions;
    private final MobileCountryCodes mccs;
    private final org.ichnaea.core.locate.Algorithm algorithm;

    /** Ichnaea's weights. */
    public ReportObservations(RegionShapes regions, MobileCountryCodes mccs) {
        this(regions, mccs, org.ichnaea.core.locate.Algorithm.ICHNAEA);
    }

    /** The weights of {@code algorithm}: Ichnaea's, or the refined received-power weights (ObservationWeight). */
    public ReportObservations(RegionShapes regions, MobileCountryCodes mccs,
                              org.ichnaea.core.locate.Algorithm algorithm) {
        this.regions = regions;
        this.mccs = mccs;
        this.algorithm = algorithm;
    }

    private boolean refined() {
        return algorithm == org.ichnaea.core.locate.Algorithm.REFINED;
    }

    public Batch transform(Iterable<IncomingReport> items) {
        Map<MacAddress, java.util.List<StationObservation>> blue = new LinkedHashMap<>();
        Map<MacAddress, java.util.List<StationObservation>> wifi = new LinkedHashMap<>();
        Map<CellId, java.util.List<StationObservation>> cell = new LinkedHashMap<>();
        Map<CellId, Integer> psc = new LinkedHashMap<>();
        int dropped = 0;
        Map<DropReason, Integer> drops = DropReason.emptyCounts();
        java.util.Set<org.ichnaea.core.datamap.GridCell> grid = new java.util.LinkedHashSet<>();
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (IncomingReport item : items) {
            long id = item.id();
            if (!seen.add(id)) {
                // A second copy of a report in one batch (a redelivery, a spooled write Redis ran after all): the
                // ledger cannot tell copies within one transaction apart, so it is left out here.
                drops.merge(DropReason.DUPLICATE_REPORT, 1, Integer::sum);
                continue;
            }
            Report r = item.report();
            ReportPosition p = r.position();
            if (p == null || !Double.isFinite(p.lat()) || !Double.isFinite(p.lon())
                    || !org.ichnaea.core.geo.Geodesy.isValid(p.lat(), p.lon())) {
                dropped++;
                drops.merge(DropReason.NO_POSITION, 1, Integer::sum);
                continue;
            }
            if (regions.hasShapes() && !regions.anyRegion(p.lat(), p.lon())) {
                dropped++;
                drops.merge(DropReason.OUTSIDE_REGIONS, 1, Integer::sum);
                continue;
            }
            drops.merge(DropReason.OPTED_OUT_WIFI,
                    (int) r.wifis().stream().filter(WifiObservation::isOptedOut).count(), Integer::sum);
            drops.merge(DropReason.CELL_WITHOUT_ID,
                    (int) r.cells().stream().filter(c -> c.cellId().isEmpty()).count(), Integer::sum);
            var source = item.source();
            double base = ObservationWeight.speed(p.speed());
            boolean used = false;
            int positionAge = p.age() == null ? 0 : p.age();
            for (BlueObservation b : distinctBlues(r.blues())) {
                double w = base * ObservationWeight.accuracy(p.accuracy(), BLUE_ACCURACY)
                        * ObservationWeight.age(relative(b.age(), positionAge))
                        * (refined() ? ObservationWeight.bluePower(b.signal()) : 1);
                used |= counted(add(blue, b.mac(), p, w, source, id), drops);
            }
            for (WifiObservation wo : distinctWifis(r.wifis())) {
                double w = base * ObservationWeight.accuracy(p.accuracy(), WIFI_ACCURACY)
                        * ObservationWeight.age(relative(wo.age(), positionAge))
                        * (refined() ? ObservationWeight.wifiPower(wo.signal()) : ObservationWeight.wifiSignal(wo.signal()));
                used |= counted(add(wifi, wo.mac(), p, w, source, id), drops);
            }
            for (CellObservation c : distinctCells(r.cells())) {
                if (regions.hasShapes() && mccs.regions(c.mcc()).stream()
                        .noneMatch(code -> regions.inRegion(p.lat(), p.lon(), code))) {
                    drops.merge(DropReason.CELL_OUTSIDE_MCC_REGIONS, 1, Integer::sum);
                    continue;
                }
                double w = base * ObservationWeight.accuracy(p.accuracy(), CELL_ACCURACY)
                        * ObservationWeight.age(relative(c.age(), positionAge))
                        * (refined() ? 1 : ObservationWeight.cellSignal(c.radio(), c.signal()));
                boolean added = counted(add(cell, c.cellId().get(), p, w, source, id, c.signal(), c.ta()), drops);
                used |= added;
                if (added && c.psc() != null) {
                    psc.put(c.cellId().get(), c.psc());
                }
            }
            if (used) {
                // The coverage map shows where reports had at least one valid observation (docs/algorithms.md §13.6
                // step 6).
                grid.add(org.ichnaea.core.datamap.GridCell.of(p.lat(), p.lon()));
            }
        }
        return new Batch(blue, wifi, cell, psc, dropped, grid, drops);
    }

    /** Counts an observation {@link #add} refused (weight 0 or not finite) as {@link DropReason#ZERO_WEIGHT}. */
    private static boolean counted(boolean added, Map<DropReason, Integer> drops) {
        if (!added) {
            drops.merge(DropReason.ZERO_WEIGHT, 1, Integer::sum);
        }
        return added;
    }

    /*
     * One observation per network and report (docs/algorithms.md §13.6 step 4), by Ichnaea's rule: a later entry
     * for a network replaces the one kept unless the kept one is "better", which Ichnaea's BaseReport.better answers
     * yes to as soon as one field, checked in order, is known in both and strictly better in the kept one (Wi-Fi:
     * higher signal, higher SNR, lower age; Bluetooth: signal, age; cells: lower timing advance, signal, ASU, age).
     */

    static java.util.Collection<BlueObservation> distinctBlues(java.util.List<BlueObservation> blues) {
        if (blues.size() < 2) {
            return blues;
        }
        Map<MacAddress, BlueObservation> kept = new LinkedHashMap<>();
        for (BlueObservation b : blues) {
            kept.merge(b.mac(), b, (old, now) -> better(old.signal(), now.signal(), true)
                    || better(old.age(), now.age(), false) ? old : now);
        }
        return kept.values();
    }

    static java.util.Collection<WifiObservation> distinctWifis(java.util.List<WifiObservation> wifis) {
        Map<MacAddress, WifiObservation> kept = new LinkedHashMap<>();
        for (WifiObservation w : wifis) {
            if (w.isOptedOut()) {
                continue;
            }
            kept.merge(w.mac(), w, (old, now) -> better(old.signal(), now.signal(), true)
                    || better(old.snr(), now.snr(), true) || better(old.age(), now.age(), false) ? old : now);
        }
        return kept.values();
    }

    static java.util.Collection<CellObservation> distinctCells(java.util.List<CellObservation> cells) {
        Map<CellId, CellObservation> kept = new LinkedHashMap<>();
        for (CellObservation c : cells) {
            if (c.cellId().isEmpty()) {
                continue;
            }
            kept.merge(c.cellId().get(), c, (old, now) -> better(old.ta(), now.ta(), false)
                    || better(old.signal(), now.signal(), true) || better(old.asu(), now.asu(), true)
                    || better(old.age(), now.age(), false) ? old : now);
        }
        return kept.values();
    }

    /** Whether both values are known and {@code a} is strictly greater ({@code higher}) or smaller than {@code b}. */
    private static boolean better(Integer a, Integer b, boolean higher) {
        if (a == null || b == null) {
            return false;
        }
        return higher ? a > b : a < b;
    }

    private static Integer relative(Integer age, int positionAge) {
        if (age == null) {
            return positionAge == 0 ? null : -positionAge;
        }
        return age - positionAge;
    }

    private static <K> boolean add(Map<K, java.util.List<StationObservation>> map, K key, ReportPosition p,
                                   double weight, org.ichnaea.core.station.StationSource source, long report) {
        return add(map, key, p, weight, source, report, null, null);
    }

    private static <K> boolean add(Map<K, java.util.List<StationObservation>> map, K key, ReportPosition p,
                                   double weight, org.ichnaea.core.station.StationSource source, long report,
                                   Integer signal, Integer ta) {
        if (!(weight > 0) || !Double.isFinite(weight)) {
            return false;
        }
        map.computeIfAbsent(key, k -> new java.util.ArrayList<>()).add(new StationObservation(p.lat(), p.lon(),
                weight, source, report, signal, ta));
        return true;
    }
}
