package org.ichnaea.core.radio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** docs/algorithms.md §1, docs/api.md "Lenient parsing": MAC forms. */
class MacAddressTest {

    @ParameterizedTest
    @ValueSource(strings = {"aa:bb:cc:00:11:22", "AA:BB:CC:00:11:22", "aa-bb-cc-00-11-22", "aabb.cc00.1122",
        "AABBCC001122", "aAbB:cC00:1122"})
    void accepts_every_common_notation(String text) {
        assertThat(MacAddress.parse(text)).hasValueSatisfying(mac -> assertThat(mac.hex()).isEqualTo("aabbcc001122"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "aabbcc00112", "aabbcc0011223", "gabbcc001122", "00:00:00:00:00:00",
        "ff:ff:ff:ff:ff:ff", "01:00:5e:90:10:00", "aa bb cc 00 11 22", "ａabbcc001122"})
    void refuses_malformed_and_reserved_addresses(String text) {
        assertThat(MacAddress.parse(text)).isEmpty();
    }

    @Test
    void refuses_null() {
        assertThat(MacAddress.parse(null)).isEmpty();
    }

    @Test
    void the_shard_is_the_fifth_hex_digit() {
        MacAddress mac = MacAddress.of("a8:20:66:12:34:56");
        assertThat(mac.shard()).isEqualTo(6);
        assertThat(mac.shardDigit()).isEqualTo('6');
    }

    @Test
    void bytes_round_trip() {
        MacAddress mac = MacAddress.of("fe:dc:ba:98:76:54");
        assertThat(MacAddress.ofBytes(mac.bytes())).isEqualTo(mac);
        assertThat(mac.bytes()[0]).isEqualTo((byte) 0xfe);
    }
}
