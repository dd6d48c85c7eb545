package org.ichnaea.core.stats;

/**
 * A row of {@code region_stat} (docs/storage.md "Schema", docs/algorithms.md §13.3): per region, the cells of each
 * radio (Σ {@code num_cells} of its cell areas) and the Bluetooth and Wi-Fi stations.
 */
public record RegionStat(String region, long gsm, long wcdma, long lte, long nr, long blue, long wifi) {

    /** All cells of every radio. */
    public long cells() {
        return gsm + wcdma + lte + nr;
    }
}
