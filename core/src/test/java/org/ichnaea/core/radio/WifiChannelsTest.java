package org.ichnaea.core.radio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** docs/algorithms.md §1 channel/frequency derivation, with the 6 GHz band of docs/api.md "Lenient parsing". */
class WifiChannelsTest {

    @ParameterizedTest
    @CsvSource({"1,2412", "6,2437", "13,2472", "14,2484", "36,5180", "165,5825", "184,5920", "188,4940", "196,4980"})
    void derives_the_frequency_of_a_channel(int channel, int frequency) {
        assertThat(WifiChannels.frequency(channel)).isEqualTo(frequency);
    }

    @ParameterizedTest
    @CsvSource({"2412,1", "2437,6", "2484,14", "4920,184", "5180,36", "5825,165",
        // 6 GHz: channel = (f - 5950) / 5
        "5935,2", "5955,1", "6135,37", "6415,93", "7115,233",
        // not channel centres
        "2400,0", "5000,0", "7125,0"})
    void derives_the_channel_of_a_frequency(int frequency, int channel) {
        assertThat(WifiChannels.channel(frequency)).isEqualTo(channel);
    }
}
