package org.ichnaea.geoip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.ichnaea.core.geoip.GeoIpDatabase;
import org.ichnaea.core.geoip.GeoIpRecord;
import org.ichnaea.core.geoip.GeoIpResolver;
import org.ichnaea.core.geoip.IpAddresses;
import org.ichnaea.core.geoip.NullGeoIpDatabase;
import org.ichnaea.core.testing.TestRegions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database that cannot be used never stops start-up: it becomes a null database that says why. */
class GeoIpDatabasesTest {

    @TempDir
    Path dir;

    private static void assertUnavailable(GeoIpDatabase database, String reason) {
        assertThat(database).isInstanceOf(NullGeoIpDatabase.class);
        assertThat(database.isAvailable()).isFalse();
        assertThat(database.description()).startsWith("no GeoIP database: ").contains(reason);
        assertThat(database.lookup(IpAddresses.parse("81.2.69.160").orElseThrow())).isEmpty();
        assertThat(new GeoIpResolver(database, TestRegions.some())
                .resolve(IpAddresses.parse("81.2.69.160").orElseThrow())).isEmpty();
    }

    @Test
    void opens_the_pinned_geolite2_city_file() {
        GeoIpDatabase database = GeoIpDatabases.open(TestDatabases.geoLite2City());
        assertThat(database).isInstanceOf(MaxMindGeoIpDatabase.class);
        assertThat(database.isAvailable()).isTrue();
        assertThat(database.description()).isEqualTo("MaxMind City: GeoLite2-City, built 2019-11-12T21:11:29Z");
        ((MaxMindGeoIpDatabase) database).close();
    }

    @Test
    void a_missing_file_gives_a_null_database() {
        assertUnavailable(GeoIpDatabases.open(dir.resolve("GeoLite2-City.mmdb")), "GeoLite2-City.mmdb not found");
    }

    @Test
    void a_directory_gives_a_null_database() {
        assertUnavailable(GeoIpDatabases.open(dir), "is a directory");
    }

    @Test
    void a_file_that_is_not_an_mmdb_file_gives_a_null_database() throws IOException {
        Path text = Files.writeString(dir.resolve("city.mmdb"), "not a database\n".repeat(100));
        assertUnavailable(GeoIpDatabases.open(text), "city.mmdb is not a MaxMind DB file");
        Path empty = Files.createFile(dir.resolve("empty.mmdb"));
        assertUnavailable(GeoIpDatabases.open(empty), "empty.mmdb is not a MaxMind DB file");
    }

    @Test
    void a_geolite2_country_database_is_rejected() {
        assertUnavailable(GeoIpDatabases.open(TestDatabases.geoLite2Country()),
                "GeoLite2-Country.mmdb has database type 'GeoLite2-Country'; expected a GeoIP2/GeoLite2 City or"
                        + " DB-IP Lite City database");
    }

    @Test
    void an_asn_database_is_rejected() {
        assertUnavailable(GeoIpDatabases.open(TestDatabases.geoLite2Asn()), "database type 'GeoLite2-ASN'");
    }

    @Test
    void a_dbip_country_database_is_rejected() {
        Path file = new MmdbWriter("country ipv4", 4)
                .insert("81.2.69.0/24", Map.of("country_code", "GB"))
                .writeTo(dir.resolve("dbip-country-ipv4.mmdb"));
        assertUnavailable(GeoIpDatabases.open(file), "database type 'country ipv4'");
    }

    @Test
    void opening_the_adapter_directly_throws_with_the_same_reason() {
        assertThatThrownBy(() -> MaxMindGeoIpDatabase.open(TestDatabases.geoLite2Country()))
                .isInstanceOf(GeoIpDatabaseException.class)
                .hasMessageContaining("database type 'GeoLite2-Country'");
        assertThatThrownBy(() -> MaxMindGeoIpDatabase.open(dir.resolve("nothing.mmdb")))
                .isInstanceOf(GeoIpDatabaseException.class)
                .hasMessage("nothing.mmdb not found");
    }

    @Test
    void a_maxmind_city_file_built_by_the_test_reads_through_geoip2() {
        Path file = TestDatabases.maxMindCity("GeoIP2-City-Test").writeTo(dir.resolve("GeoIP2-City-Test.mmdb"));
        try (MaxMindGeoIpDatabase db = MaxMindGeoIpDatabase.open(file)) {
            assertThat(db.format()).isEqualTo(GeoIpFormat.MAXMIND_CITY);
            assertThat(db.lookup(IpAddresses.parse("81.2.69.160").orElseThrow()))
                    .contains(new GeoIpRecord(51.5, -0.13, "GB", 20, true, 2643743L));
        }
    }
}
