package org.ichnaea.core.geoip;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.Optional;
import org.ichnaea.core.testing.TestRegions;
import org.junit.jupiter.api.Test;

/** Radius and score rules of docs/algorithms.md §7. */
class GeoIpResolverTest {

    private final GeoIpResolver resolver = new GeoIpResolver(new NullGeoIpDatabase(), TestRegions.some());

    private GeoIpLocation interpret(GeoIpRecord record) {
        return resolver.interpret(record).orElseThrow();
    }

    @Test
    void a_country_record_gets_the_region_radius_and_score_0_9() {
        GeoIpLocation l = interpret(new GeoIpRecord(51.4964, -0.1224, "GB", null, false, null));
        assertThat(l.radiusMeters()).isEqualTo(543_000);
        assertThat(l.regionRadiusMeters()).isEqualTo(543_000);
        assertThat(l.score()).isEqualTo(0.9);
        assertThat(l.city()).isFalse();
        assertThat(l.regionName()).isEqualTo("United Kingdom");
    }

    @Test
    void the_radius_shrinks_to_accuracy_radius_then_subdivision_then_city() {
        // US region radius is 2,971 km; accuracy radius 1,000 km; subdivision 1,200 km; New York 41 km.
        assertThat(interpret(new GeoIpRecord(40.7, -74.0, "US", 1000, false, null)).radiusMeters())
                .isEqualTo(1_000_000);
        assertThat(interpret(new GeoIpRecord(40.7, -74.0, "US", null, true, null)).radiusMeters())
                .isEqualTo(1_200_000);
        assertThat(interpret(new GeoIpRecord(40.7, -74.0, "US", 1000, true, 5128581L)).radiusMeters())
                .isEqualTo(41_000);
        assertThat(interpret(new GeoIpRecord(40.7, -74.0, "US", 5, true, 5128581L)).radiusMeters())
                .isEqualTo(5_000);
        // Any other city: 25 km; other subdivisions: 400 km.
        assertThat(interpret(new GeoIpRecord(48.1, 11.6, "DE", 200, true, 1L)).radiusMeters()).isEqualTo(25_000);
        assertThat(interpret(new GeoIpRecord(48.1, 11.6, "DE", null, true, null)).radiusMeters())
                .isEqualTo(400_000);
    }

    @Test
    void a_city_record_scores_by_country() {
        assertThat(interpret(new GeoIpRecord(51.5, -0.1, "GB", 50, true, 2643743L)).score()).isEqualTo(0.8);
        assertThat(interpret(new GeoIpRecord(40.7, -74.0, "US", 50, true, 5128581L)).score()).isEqualTo(0.8);
    }

    @Test
    void unknown_regions_get_a_5000_km_radius_and_codes_are_remapped() {
        GeoIpLocation unknown = interpret(new GeoIpRecord(-8.5, 179.2, "TV", null, false, null));
        assertThat(unknown.radiusMeters()).isEqualTo(5_000_000);
        assertThat(unknown.regionName()).isEqualTo("TV");
        assertThat(interpret(new GeoIpRecord(60.1, 19.9, "AX", null, false, null)).regionCode()).isEqualTo("FI");
        assertThat(interpret(new GeoIpRecord(31.9, 35.2, "PS", null, false, null)).regionCode()).isEqualTo("XW");
    }

    @Test
    void a_record_on_the_equator_or_prime_meridian_is_valid_but_one_without_a_position_or_country_is_not() {
        assertThat(resolver.interpret(new GeoIpRecord(0.0, 0.0, "GH", null, false, null))).isPresent();
        assertThat(resolver.interpret(new GeoIpRecord(null, 0.0, "GH", null, false, null))).isEmpty();
        assertThat(resolver.interpret(new GeoIpRecord(5.0, 0.0, null, null, false, null))).isEmpty();
    }

    @Test
    void a_failing_database_is_a_miss() throws Exception {
        GeoIpResolver broken = new GeoIpResolver(new GeoIpDatabase() {
            @Override
            public Optional<GeoIpRecord> lookup(InetAddress address) {
                throw new IllegalStateException("corrupt file");
            }

            @Override
            public boolean isAvailable() {
                return true;
            }

            @Override
            public String description() {
                return "broken";
            }
        }, TestRegions.some());
        assertThat(broken.resolve(InetAddress.getByName("81.2.69.160"))).isEmpty();
        assertThat(broken.resolve(null)).isEmpty();
    }
}
