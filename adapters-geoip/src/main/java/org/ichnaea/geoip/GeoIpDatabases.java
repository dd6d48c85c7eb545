package org.ichnaea.geoip;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.ichnaea.core.geoip.GeoIpDatabase;
import org.ichnaea.core.geoip.NullGeoIpDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the GeoIP database without ever failing start-up: a missing, unreadable, non-mmdb or non-City file logs one
 * WARN line and gives a {@link NullGeoIpDatabase} that misses every lookup and reports itself down with the reason
 * (docs/algorithms.md §7: "any other type is rejected at start-up → null GeoIP").
 */
public final class GeoIpDatabases {

    private static final Logger LOG = LoggerFactory.getLogger(GeoIpDatabases.class);

    /** How often {@link #openReloading(Path)} looks at the file. */
    public static final Duration DEFAULT_CHECK_INTERVAL = Duration.ofSeconds(60);

    private GeoIpDatabases() {
    }

    /** The database in the file, or a {@link NullGeoIpDatabase} saying why there is none. Never throws. */
    public static GeoIpDatabase open(Path file) {
        try {
            MaxMindGeoIpDatabase database = MaxMindGeoIpDatabase.open(file);
            LOG.info("GeoIP database loaded from {}: {}", file, database.description());
            return database;
        } catch (GeoIpDatabaseException e) {
            LOG.warn("GeoIP database not loaded from {}, GeoIP lookups will miss: {}", file, e.getMessage());
            return unavailable(e.getMessage());
        }
    }

    /** The database in the file, reopened when the file changes (checked at most once a minute). Never throws. */
    public static ReloadingGeoIpDatabase openReloading(Path file) {
        return openReloading(file, DEFAULT_CHECK_INTERVAL);
    }

    /** The database in the file, reopened when the file changes (checked at most once per interval). */
    public static ReloadingGeoIpDatabase openReloading(Path file, Duration checkInterval) {
        return new ReloadingGeoIpDatabase(file, checkInterval, Clock.systemUTC());
    }

    static NullGeoIpDatabase unavailable(String reason) {
        return new NullGeoIpDatabase("no GeoIP database: " + reason);
    }
}
