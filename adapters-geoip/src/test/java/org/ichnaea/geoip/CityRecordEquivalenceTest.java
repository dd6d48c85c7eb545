package org.ichnaea.geoip;

import static org.assertj.core.api.Assertions.assertThat;

import com.maxmind.db.CHMCache;
import com.maxmind.db.Reader;
import com.maxmind.geoip2.DatabaseReader;
import com.maxmind.geoip2.model.CityResponse;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.ichnaea.core.geoip.GeoIpRecord;
import org.ichnaea.core.geoip.IpAddresses;
import org.junit.jupiter.api.Test;

/**
 * The adapter decodes MaxMind City records into its own lean {@code CityRecord} instead of geoip2's
 * {@code CityResponse}: on the pinned GeoLite2 City file both give the same {@link GeoIpRecord} for every address
 * tried, found or not, IPv4 and IPv6.
 */
class CityRecordEquivalenceTest {

    @Test
    void the_lean_record_reads_what_geoip2_reads_for_random_and_pinned_addresses() throws Exception {
        try (MaxMindGeoIpDatabase database = MaxMindGeoIpDatabase.open(TestDatabases.geoLite2City());
             DatabaseReader geoip2 = new DatabaseReader.Builder(TestDatabases.geoLite2City().toFile())
                     .fileMode(Reader.FileMode.MEMORY_MAPPED).withCache(new CHMCache()).build()) {
            Random random = new Random(20261207);
            int found = 0;
            int subdivisions = 0;
            int cities = 0;
            for (int i = 0; i < 30_000; i++) {
                byte[] bytes = new byte[i % 10 == 0 ? 16 : 4];
                random.nextBytes(bytes);
                if (bytes.length == 16) {
                    // Mostly global unicast (2000::/3), where the file has networks.
                    bytes[0] = (byte) (0x20 | (bytes[0] & 0x1f));
                }
                InetAddress address = InetAddress.getByAddress(bytes);
                Optional<GeoIpRecord> expected = geoip2.tryCity(address).map(CityRecordEquivalenceTest::record);
                Optional<GeoIpRecord> actual = database.lookup(address);
                assertThat(actual).as("%s", address).isEqualTo(expected);
                if (actual.isPresent()) {
                    found++;
                    subdivisions += actual.get().hasSubdivisions() ? 1 : 0;
                    cities += actual.get().cityGeonameId() != null ? 1 : 0;
                }
            }
            // The addresses MaxMindGeoIpDatabaseTest pins, an IPv4-mapped one, private and reserved ones.
            for (String text : List.of("81.2.69.160", "::ffff:81.2.69.160", "193.99.144.80", "212.58.244.22",
                    "2a00:1450:4009:80b::200e", "8.8.8.8", "2.16.0.1", "10.0.0.1", "127.0.0.1", "::1", "0.0.0.0")) {
                InetAddress address = IpAddresses.parse(text).orElseThrow();
                assertThat(database.lookup(address)).as(text)
                        .isEqualTo(geoip2.tryCity(address).map(CityRecordEquivalenceTest::record));
            }
            // The sample covers every shape of record: found and not, with and without subdivisions and cities.
            assertThat(found).isBetween(5_000, 29_000);
            assertThat(subdivisions).isBetween(1_000, found - 1_000);
            assertThat(cities).isBetween(1_000, found - 1_000);
        }
    }

    /** What the adapter made of geoip2's answer before it read records itself. */
    private static GeoIpRecord record(CityResponse response) {
        return new GeoIpRecord(
                response.location() == null ? null : response.location().latitude(),
                response.location() == null ? null : response.location().longitude(),
                response.country() == null ? null : response.country().isoCode(),
                response.location() == null ? null : response.location().accuracyRadius(),
                response.subdivisions() != null && !response.subdivisions().isEmpty(),
                response.city() == null ? null : response.city().geonameId());
    }
}
