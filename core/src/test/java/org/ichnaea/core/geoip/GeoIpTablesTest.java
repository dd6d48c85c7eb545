package org.ichnaea.core.geoip;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

// Values from docs/algorithms.md §7 and mozilla/ichnaea ichnaea/geoip.py
// (commit 02c3e1c0f37e4cd4afa4ceec1ffa39a1c8191112).
class GeoIpTablesTest {

    @Test
    void london_has_a_40_km_city_radius() {
        assertThat(GeoIpTables.cityRadiusMeters(2643743L)).isEqualTo(40_000.0);
    }

    @Test
    void new_york_has_a_41_km_city_radius() {
        assertThat(GeoIpTables.cityRadiusMeters(5128581L)).isEqualTo(41_000.0);
    }

    @Test
    void shanghai_has_a_68_km_city_radius() {
        assertThat(GeoIpTables.cityRadiusMeters(1796236L)).isEqualTo(68_000.0);
    }

    @Test
    void unknown_city_has_the_default_25_km_radius() {
        assertThat(GeoIpTables.cityRadiusMeters(2988507L)).isEqualTo(25_000.0);
        assertThat(GeoIpTables.cityRadiusMeters(2988507L)).isEqualTo(GeoIpTables.DEFAULT_CITY_RADIUS_METERS);
    }

    @Test
    void us_and_au_have_a_1200_km_subdivision_radius() {
        assertThat(GeoIpTables.subdivisionRadiusMeters("US")).isEqualTo(1_200_000.0);
        assertThat(GeoIpTables.subdivisionRadiusMeters("AU")).isEqualTo(1_200_000.0);
    }

    @Test
    void greenland_has_the_largest_subdivision_radius() {
        assertThat(GeoIpTables.subdivisionRadiusMeters("GL")).isEqualTo(1_600_000.0);
    }

    @Test
    void unknown_region_has_the_default_400_km_subdivision_radius() {
        assertThat(GeoIpTables.subdivisionRadiusMeters("GB")).isEqualTo(400_000.0);
        assertThat(GeoIpTables.subdivisionRadiusMeters(null)).isEqualTo(400_000.0);
    }

    @Test
    void gb_us_and_de_city_scores_are_0_8() {
        assertThat(GeoIpTables.cityScore("GB")).isEqualTo(0.8);
        assertThat(GeoIpTables.cityScore("US")).isEqualTo(0.8);
        assertThat(GeoIpTables.cityScore("DE")).isEqualTo(0.8);
    }

    @Test
    void other_city_scores_come_from_the_table() {
        assertThat(GeoIpTables.cityScore("FI")).isEqualTo(0.5);
        assertThat(GeoIpTables.cityScore("SG")).isEqualTo(0.9);
        assertThat(GeoIpTables.cityScore("CN")).isEqualTo(0.6);
    }

    @Test
    void unknown_region_has_the_default_city_score() {
        assertThat(GeoIpTables.cityScore("XW")).isEqualTo(0.3);
        assertThat(GeoIpTables.cityScore("ZZ")).isEqualTo(GeoIpTables.DEFAULT_CITY_SCORE);
        assertThat(GeoIpTables.cityScore(null)).isEqualTo(0.3);
    }

    @Test
    void the_four_region_codes_are_remapped_to_genc() {
        assertThat(GeoIpTables.regionCode("AX")).isEqualTo("FI");
        assertThat(GeoIpTables.regionCode("PS")).isEqualTo("XW");
        assertThat(GeoIpTables.regionCode("SJ")).isEqualTo("XR");
        assertThat(GeoIpTables.regionCode("UM")).isEqualTo("US");
    }

    @Test
    void other_region_codes_are_upper_cased() {
        assertThat(GeoIpTables.regionCode("GB")).isEqualTo("GB");
        assertThat(GeoIpTables.regionCode("de")).isEqualTo("DE");
    }

    @Test
    void score_is_keyed_on_the_remapped_code() {
        // Aland Islands score as Finland, US Minor Outlying Islands as the US.
        assertThat(GeoIpTables.cityScore(GeoIpTables.regionCode("AX"))).isEqualTo(0.5);
        assertThat(GeoIpTables.cityScore(GeoIpTables.regionCode("UM"))).isEqualTo(0.8);
    }

    @Test
    void default_constants_match_ichnaea() {
        assertThat(GeoIpTables.DEFAULT_REGION_RADIUS_METERS).isEqualTo(5_000_000.0);
        assertThat(GeoIpTables.NO_CITY_SCORE).isEqualTo(0.9);
    }
}
