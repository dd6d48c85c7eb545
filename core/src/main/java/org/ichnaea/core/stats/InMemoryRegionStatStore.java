package org.ichnaea.core.stats;

import java.util.Comparator;
import java.util.List;
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
        RegionCounts counts = new RegionCounts();
        areas.forEach(area -> counts.addCells(area.region(), area.id().radio(), area.numCells()));
        blue.forEach(station -> counts.addBlue(station.data().region(), 1));
        wifi.forEach(station -> counts.addWifi(station.data().region(), 1));
        List<RegionStat> result = counts.stats();
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
