package org.ichnaea.core.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ichnaea.core.station.CellAreaStore;
import org.ichnaea.core.station.MacStationStore;

/** {@link RegionStatStore} computed from any station stores by streaming them (tests, embedding). */
public final class InMemoryRegionStatStore implements RegionStatStore {

    private final MacStationStore wifi;
    private final MacStationStore blue;
    private final CellAreaStore areas;
    private volatile List<RegionStat> rows = List.of();

    public InMemoryRegionStatStore(MacStationStore wifi, MacStationStore blue, CellAreaStore areas) {
        this.wifi = wifi;
        this.blue = blue;
        this.areas = areas;
    }

    @Override
    public synchronized int recompute() {
        Map<String, long[]> counts = new TreeMap<>();
        areas.forEach(area -> {
            if (area.region() == null) {
                return;
            }
            long[] c = counts.computeIfAbsent(area.region(), r -> new long[6]);
            int index = switch (area.id().radio()) {
                case GSM -> 0;
                case WCDMA -> 1;
                case LTE -> 2;
                case NR -> 3;
                default -> -1;
            };
            if (index >= 0) {
                c[index] += area.numCells();
            }
        });
        blue.forEach(station -> {
            if (station.data().region() != null) {
                counts.computeIfAbsent(station.data().region(), r -> new long[6])[4]++;
            }
        });
        wifi.forEach(station -> {
            if (station.data().region() != null) {
                counts.computeIfAbsent(station.data().region(), r -> new long[6])[5]++;
            }
        });
        List<RegionStat> result = new ArrayList<>();
        counts.forEach((region, c) -> result.add(new RegionStat(region, c[0], c[1], c[2], c[3], c[4], c[5])));
        result.sort(ORDER);
        rows = List.copyOf(result);
        return rows.size();
    }

    /** Cell count descending, then region. */
    public static final Comparator<RegionStat> ORDER = Comparator.comparingLong(RegionStat::cells).reversed()
            .thenComparing(RegionStat::region);

    @Override
    public List<RegionStat> findAll() {
        return rows;
    }
}
