package org.ichnaea.core.stats;

import java.util.List;

/**
 * The per-region totals behind {@code /stats/regions}. Faults surface as
 * {@link org.ichnaea.core.StoreUnavailableException}.
 */
public interface RegionStatStore {

    /**
     * Ichnaea's {@code update_statregion}: recounts every region from the cell areas and station tables, replacing
     * the rows and deleting regions no longer present. Answers the number of regions.
     */
    int recompute();

    /** Every row, sorted by cell count descending, then region. */
    List<RegionStat> findAll();
}
