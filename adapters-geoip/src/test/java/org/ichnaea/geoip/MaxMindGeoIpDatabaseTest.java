package org.ichnaea.geoip;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.ichnaea.core.geoip.GeoIpLocation;
import org.ichnaea.core.geoip.GeoIpRecord;
import org.ichnaea.core.geoip.GeoIpResolver;
import org.ichnaea.core.geoip.IpAddresses;
import org.ichnaea.core.testing.TestRegions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pinned GeoLite2 City database (built 2019-11-12, from org.elasticsearch:geolite2-databases:20191119) read
 * through the adapter and interpreted by core's resolver (docs/algorithms.md §7). The expected values are what
 * that file says of these public addresses.
 */
class MaxMindGeoIpDatabaseTest {

    private static MaxMindGeoIpDatabase database;
    private static GeoIpResolver resolver;

    @BeforeAll
    static void open() {
        database = MaxMindGeoIpDatabase.open(TestDatabases.geoLite2City());
        resolver = new GeoIpResolver(database, TestRegions.some());
    }

    @AfterAll
    static void close() {
        database.close();
    }

    private static InetAddress ip(String text) {
        return IpAddresses.parse(text).orElseThrow();
    }

    private static GeoIpRecord record(String address) {
        return database.lookup(ip(address)).orElseThrow();
    }

    private static GeoIpLocation resolve(String address) {
        return resolver.resolve(ip(address)).orElseThrow();
    }

    @Test
    void opens_the_pinned_geolite2_city_file_as_a_maxmind_city_database() {
        assertThat(database.format()).isEqualTo(GeoIpFormat.MAXMIND_CITY);
        assertThat(database.databaseType()).isEqualTo("GeoLite2-City");
        assertThat(database.buildTime()).isEqualTo(TestDatabases.GEOLITE2_CITY_BUILT);
        assertThat(database.ipVersion()).isEqualTo(6);
        assertThat(database.isAvailable()).isTrue();
        assertThat(database.description()).isEqualTo("MaxMind City: GeoLite2-City, built 2019-11-12T21:11:29Z");
    }

    @Test
    void returns_london_for_a_british_address() {
        // Google's London front end: city London (GeoNames 2643743), accuracy radius 100 km, one subdivision.
        assertThat(record("2a00:1450:4009:80b::200e"))
                .isEqualTo(new GeoIpRecord(51.5132, -0.0961, "GB", 100, true, 2643743L));
        GeoIpLocation london = resolve("2a00:1450:4009:80b::200e");
        // min(GB 543 km, accuracy 100 km, subdivision 400 km, London 40 km)
        assertThat(london.radiusMeters()).isEqualTo(40_000);
        assertThat(london.regionRadiusMeters()).isEqualTo(543_000);
        assertThat(london.score()).isEqualTo(0.8);
        assertThat(london.city()).isTrue();
        assertThat(london.regionCode()).isEqualTo("GB");
        assertThat(london.regionName()).isEqualTo("United Kingdom");
        assertThat(london.lat()).isEqualTo(51.5132);
        assertThat(london.lon()).isEqualTo(-0.0961);
    }

    @Test
    void returns_abingdon_for_maxmind_s_london_test_address() {
        // 81.2.69.160 is London in MaxMind's test database; the 2019 GeoLite2 file puts it in Abingdon.
        assertThat(record("81.2.69.160")).isEqualTo(new GeoIpRecord(51.7095, -1.3614, "GB", 100, true, 2657780L));
        GeoIpLocation abingdon = resolve("81.2.69.160");
        // min(543 km, 100 km, 400 km, any other city 25 km)
        assertThat(abingdon.radiusMeters()).isEqualTo(25_000);
        assertThat(abingdon.score()).isEqualTo(0.8);
        assertThat(abingdon.city()).isTrue();
    }

    @Test
    void a_small_accuracy_radius_beats_the_city_radius() {
        // heise.de: Rostock (GeoNames 2844588) with a 5 km accuracy radius.
        assertThat(record("193.99.144.80")).isEqualTo(new GeoIpRecord(54.0679, 12.1186, "DE", 5, true, 2844588L));
        GeoIpLocation rostock = resolve("193.99.144.80");
        assertThat(rostock.radiusMeters()).isEqualTo(5_000);
        assertThat(rostock.regionRadiusMeters()).isEqualTo(463_000);
        assertThat(rostock.score()).isEqualTo(0.8);
    }

    @Test
    void a_country_level_record_gets_its_accuracy_radius_and_scores_0_9() {
        // 8.8.8.8: United States only, the country's centre, accuracy radius 1,000 km, no subdivision, no city.
        assertThat(record("8.8.8.8")).isEqualTo(new GeoIpRecord(37.751, -97.822, "US", 1000, false, null));
        GeoIpLocation us = resolve("8.8.8.8");
        assertThat(us.radiusMeters()).isEqualTo(1_000_000);
        assertThat(us.regionRadiusMeters()).isEqualTo(2_971_000);
        assertThat(us.score()).isEqualTo(0.9);
        assertThat(us.city()).isFalse();

        // bbc.co.uk: United Kingdom only, accuracy radius 200 km.
        assertThat(record("212.58.244.22")).isEqualTo(new GeoIpRecord(51.4964, -0.1224, "GB", 200, false, null));
        assertThat(resolve("212.58.244.22").radiusMeters()).isEqualTo(200_000);
        assertThat(resolve("212.58.244.22").score()).isEqualTo(0.9);
    }

    @Test
    void a_record_without_a_country_gives_no_answer() {
        // 2.16.0.1 has a continent and a position (47, 8) but no country in this file.
        assertThat(record("2.16.0.1")).isEqualTo(new GeoIpRecord(47.0, 8.0, null, 50, false, null));
        assertThat(resolver.resolve(ip("2.16.0.1"))).isEmpty();
    }

    @Test
    void private_and_reserved_addresses_are_not_found() {
        for (String address : new String[] {"10.0.0.1", "127.0.0.1", "192.168.1.1", "169.254.1.1", "0.0.0.0",
            "::1", "fe80::1", "fc00::1"}) {
            assertThat(database.lookup(ip(address))).as(address).isEmpty();
            assertThat(resolver.resolve(ip(address))).as(address).isEmpty();
        }
        assertThat(database.lookup(null)).isEmpty();
    }

    @Test
    void an_ipv4_address_is_found_in_the_ipv6_tree_either_way_it_is_written() {
        assertThat(database.lookup(ip("::ffff:81.2.69.160"))).isEqualTo(database.lookup(ip("81.2.69.160")));
    }
}
