package org.ichnaea.core.geoip;

import java.net.InetAddress;
import java.time.Instant;
import java.util.Optional;

/** A GeoIP City database. Lookups are local and fast; a missing or broken file is a {@link NullGeoIpDatabase}. */
public interface GeoIpDatabase {

    /** The record for an address, empty when the database does not know it. Never throws for unknown addresses. */
    Optional<GeoIpRecord> lookup(InetAddress address);

    /** Whether a real database is loaded (the heartbeat reports it). */
    boolean isAvailable();

    /** A description for the heartbeat: database type and build date, or why none is loaded. */
    String description();

    /** What the heartbeat reports of the database answering now, taken at once. */
    default Status status() {
        return new Status(isAvailable(), description(), null);
    }

    /**
     * Whether a real database is loaded, its description, and when it was built (null: not known).
     */
    record Status(boolean available, String description, Instant buildTime) {
    }
}
