package org.ichnaea.core.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ichnaea.core.radio.RadioType;

/**
 * Adds up the columns of {@code region_stat} per region (docs/algorithms.md §13.3) while a store streams its cell
 * areas and stations; every {@link RegionStatStore} recounts through it, so the radio → column mapping is written
 * once. Not thread-safe: one recount at a time.
 */
public final class RegionCounts {

    private static final int GSM = 0;
    private static final int WCDMA = 1;
    private static final int LTE = 2;
    private static final int NR = 3;
    private static final int BLUE = 4;
    private static final int WIFI = 5;

    private final Map<String, long[]> counts = new TreeMap<>();

    /** Adds {@code cells} cells of {@code radio} in {@code region}; other radios and a null region are left out. */
    public void addCells(String region, RadioType radio, long cells) {
        int column = switch (radio) {
            case GSM -> GSM;
            case WCDMA -> WCDMA;
            case LTE -> LTE;
            case NR -> NR;
            default -> -1;
        };
        if (column >= 0) {
            add(region, column, cells);
        }
    }

    /** Adds {@code stations} Bluetooth stations in {@code region}; a null region is left out. */
    public void addBlue(String region, long stations) {
        add(region, BLUE, stations);
    }

    /** Adds {@code stations} Wi-Fi stations in {@code region}; a null region is left out. */
    public void addWifi(String region, long stations) {
        add(region, WIFI, stations);
    }

    private void add(String region, int column, long n) {
        if (region != null) {
            counts.computeIfAbsent(region, r -> new long[6])[column] += n;
        }
    }

    /** The regions counted, in {@link InMemoryRegionStatStore#ORDER}. */
    public List<RegionStat> stats() {
        List<RegionStat> result = new ArrayList<>(counts.size());
        counts.forEach((region, c) -> result.add(new RegionStat(region, c[GSM], c[WCDMA], c[LTE], c[NR], c[BLUE],
                c[WIFI])));
        result.sort(InMemoryRegionStatStore.ORDER);
        return result;
    }
}
