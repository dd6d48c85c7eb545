package org.ichnaea.core.geoip;

/**
 * An interpreted GeoIP answer (docs/algorithms.md §7): GENC region, position, the radius of the answer, the
 * radius of the whole region, the score the GeoIP source contributes, and whether the record was city-level.
 */
public record GeoIpLocation(String regionCode, String regionName, double lat, double lon, double radiusMeters,
                            double regionRadiusMeters, double score, boolean city) {
}
