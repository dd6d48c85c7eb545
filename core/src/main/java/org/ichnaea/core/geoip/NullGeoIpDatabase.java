package org.ichnaea.core.geoip;

import java.net.InetAddress;
import java.util.Optional;

/** The database used when none could be loaded: it knows no address and reports itself down. */
public final class NullGeoIpDatabase implements GeoIpDatabase {

    private final String reason;

    public NullGeoIpDatabase(String reason) {
        this.reason = reason;
    }

    public NullGeoIpDatabase() {
        this("no GeoIP database configured");
    }

    @Override
    public Optional<GeoIpRecord> lookup(InetAddress address) {
        return Optional.empty();
    }

    @Override
    public boolean isAvailable() {
        return false;
    }

    @Override
    public String description() {
        return reason;
    }
}
