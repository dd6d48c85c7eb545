package org.ichnaea.core.geoip;

import java.net.InetAddress;
import java.util.Optional;
import org.ichnaea.core.geo.Geodesy;
import org.ichnaea.core.region.RegionShapes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns GeoIP records into answers (docs/algorithms.md §7): region remaps, the radius rules (region, accuracy
 * radius, subdivision, city) and the score. Unlike Ichnaea, a record at latitude or longitude 0.0 is a valid
 * position (docs/decisions/001-fixed-ichnaea-quirks.md fix 3).
 */
public final class GeoIpResolver {

    private static final Logger LOG = LoggerFactory.getLogger(GeoIpResolver.class);

    private final GeoIpDatabase database;
    private final RegionShapes regions;

    public GeoIpResolver(GeoIpDatabase database, RegionShapes regions) {
        this.database = database;
        this.regions = regions;
    }

    public Optional<GeoIpLocation> resolve(InetAddress address) {
        if (address == null) {
            return Optional.empty();
        }
        Optional<GeoIpRecord> found;
        try {
            found = database.lookup(address);
        } catch (RuntimeException e) {
            LOG.warn("GeoIP lookup failed, answering without it: {}", e.toString());
            return Optional.empty();
        }
        return found.flatMap(this::interpret);
    }

    /** Interprets one record; empty when it lacks a position or a country. */
    public Optional<GeoIpLocation> interpret(GeoIpRecord record) {
        if (record.lat() == null || record.lon() == null || record.countryIsoCode() == null
                || record.countryIsoCode().isBlank()) {
            return Optional.empty();
        }
        String code = GeoIpTables.regionCode(record.countryIsoCode().trim());
        double regionRadius = regions.maxRadiusMeters(code).orElse(GeoIpTables.DEFAULT_REGION_RADIUS_METERS);
        double radius = regionRadius;
        if (record.accuracyRadiusKm() != null && record.accuracyRadiusKm() > 0) {
            radius = Math.min(radius, record.accuracyRadiusKm() * 1000.0);
        }
        if (record.hasSubdivisions()) {
            radius = Math.min(radius, GeoIpTables.subdivisionRadiusMeters(code));
        }
        boolean city = record.cityGeonameId() != null;
        if (city) {
            radius = Math.min(radius, GeoIpTables.cityRadiusMeters(record.cityGeonameId()));
        }
        double score = city ? GeoIpTables.cityScore(code) : GeoIpTables.NO_CITY_SCORE;
        String name = regions.name(code).orElse(code);
        return Optional.of(new GeoIpLocation(code, name, Geodesy.round7(record.lat()), Geodesy.round7(record.lon()),
                radius, regionRadius, score, city));
    }

    public GeoIpDatabase database() {
        return database;
    }
}
