package org.ichnaea.core.locate.wifi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.ichnaea.core.geo.Geodesy;
import org.ichnaea.core.radio.MacAddress;
import org.junit.jupiter.api.Test;

class MacClustererTest {

    private static MacNetwork net(int i, double lat, double lon, double ageMs, int signal, double score) {
        return new MacNetwork(new MacAddress(0x0A0000000000L + i), lat, lon, ageMs, signal, score, false);
    }

    /** ichnaea-behaviour.md §3.5, worked example (Ichnaea's test_weight). */
    @Test
    void reproduces_the_least_squares_worked_example_to_seven_decimals() {
        int[] signals = {-10, -40, -70, -100};
        double[] ages = {1000, 8000, 16000, 1000};
        List<MacNetwork> nets = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            nets.add(net(i, 51.5 + i * 0.0001, -0.1 + i * 0.00012, ages[i], signals[i], 0.05));
        }
        double[] initial = MacClusterer.weightedMean(nets);
        assertThat(Geodesy.round7(initial[0])).isEqualTo(51.5000072);
        assertThat(Geodesy.round7(initial[1])).isEqualTo(-0.0999913);

        MacCluster cluster = new MacClusterer(MacKind.WIFI).aggregate(nets);
        assertThat(Geodesy.round7(cluster.lat())).isEqualTo(51.5000009);
        assertThat(Geodesy.round7(cluster.lon())).isEqualTo(-0.0999994);
        assertThat(cluster.accuracy()).isCloseTo(39.51, within(0.005));
        assertThat(cluster.score()).isCloseTo(0.2, within(1e-12));
    }
}
