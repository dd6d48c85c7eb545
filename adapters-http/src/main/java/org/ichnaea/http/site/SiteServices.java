package org.ichnaea.http.site;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import org.ichnaea.core.stats.RegionStatStore;
import org.ichnaea.core.stats.StatStore;

/**
 * What the web site (docs/site.md) reads: the statistics, the data directory holding the map tiles
 * ({@code tiles/}) and the public cell exports ({@code export/}), and an optional base map.
 *
 * @param stats       the cumulative {@code stat} table: the home page totals, {@code /stats} and its feeds
 * @param regionStats the {@code region_stat} rows behind {@code /stats/regions}
 * @param dataDir     {@code ICHNAEA_DATA_DIR}: tiles in {@code tiles/{z}/{x}/{y}.png}, exports in {@code export/}
 * @param baseMapUrl  a tile URL template such as {@code https://tile.openstreetmap.org/{z}/{x}/{y}.png} drawn under
 *                    the coverage; null or blank: none, and no request ever leaves the host
 * @param clock       "today" for the statistics and the expiry of the rendered-page cache
 */
public record SiteServices(StatStore stats, RegionStatStore regionStats, Path dataDir, String baseMapUrl,
                           Clock clock) {

    public SiteServices {
        Objects.requireNonNull(stats, "stats");
        Objects.requireNonNull(regionStats, "regionStats");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(clock, "clock");
        baseMapUrl = baseMapUrl == null || baseMapUrl.isBlank() ? null : baseMapUrl.trim();
        if (baseMapUrl != null) {
            String lower = baseMapUrl.toLowerCase(Locale.ROOT);
            if (!lower.startsWith("https://") && !lower.startsWith("http://")) {
                throw new IllegalArgumentException("base map URL must start with https:// or http://: " + baseMapUrl);
            }
        }
    }

    /** Without a base map. */
    public SiteServices(StatStore stats, RegionStatStore regionStats, Path dataDir, Clock clock) {
        this(stats, regionStats, dataDir, null, clock);
    }

    /** The map tiles written by the data map job. */
    public Path tilesDir() {
        return dataDir.resolve("tiles");
    }

    /** The public cell exports (full and hourly diff). */
    public Path exportDir() {
        return dataDir.resolve("export");
    }
}
