package org.ichnaea.core.geoip;

/**
 * What a GeoIP City database says of an address, before interpretation: position, ISO country code, the
 * database's accuracy radius in km (null when it has none, as in DB-IP), whether the record has subdivisions, and
 * the city's GeoNames id (null when the record is country-level).
 */
public record GeoIpRecord(Double lat, Double lon, String countryIsoCode, Integer accuracyRadiusKm,
                          boolean hasSubdivisions, Long cityGeonameId) {
}
