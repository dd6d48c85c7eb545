package org.ichnaea.geoip;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class GeoIpFormatTest {

    @ParameterizedTest
    @ValueSource(strings = {"GeoIP2-City", "GeoLite2-City", "GeoIP2-City-Europe", "GeoIP2-City-Test"})
    void maxmind_city_types_are_read_as_maxmind_city(String type) {
        assertThat(GeoIpFormat.forDatabaseType(type)).contains(GeoIpFormat.MAXMIND_CITY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"city ipv4", "city ipv6", "DBIP-City-Lite", "dbip-city-lite", "DB-IP City"})
    void dbip_city_types_are_read_as_dbip_city(String type) {
        assertThat(GeoIpFormat.forDatabaseType(type)).contains(GeoIpFormat.DBIP_CITY);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"GeoLite2-Country", "GeoIP2-Country", "GeoLite2-ASN", "GeoIP2-ISP", "GeoIP2-Enterprise",
        "GeoIP2-Anonymous-IP", "country ipv4", "asn ipv6", "DBIP-Country-Lite", "dbip-asn-lite", "ipinfo city"})
    void other_types_are_rejected(String type) {
        assertThat(GeoIpFormat.forDatabaseType(type)).isEmpty();
    }
}
