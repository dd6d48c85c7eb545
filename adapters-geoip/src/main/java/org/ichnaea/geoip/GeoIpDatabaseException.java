package org.ichnaea.geoip;

/** A GeoIP database file could not be opened, or a lookup in it failed for a reason other than an unknown address. */
public class GeoIpDatabaseException extends RuntimeException {

    public GeoIpDatabaseException(String message) {
        super(message);
    }

    public GeoIpDatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
