package org.ichnaea.core.locate;

/** Where a result came from, in Ichnaea's order of preference (internal 1, fallback 2, geoip 3). */
public enum ResultSource {
    INTERNAL,
    FALLBACK,
    GEOIP
}
