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

    @Test
    void clusters_by_complete_linkage_so_a_chain_does_not_become_one_cluster() {
        // Points along a meridian at 0, 300, 600 and 650 m: single linkage would chain them into one cluster;
        // complete linkage (every pair within 500 m) gives {0, 300} and {600, 650}.
        double metre = 1 / 111_250.0;
        List<MacNetwork> nets = List.of(net(0, 51.5, -0.1, 1000, -60, 1), net(1, 51.5 + 300 * metre, -0.1, 1000, -60, 1),
                net(2, 51.5 + 600 * metre, -0.1, 1000, -60, 1), net(3, 51.5 + 650 * metre, -0.1, 1000, -60, 1));
        List<List<MacNetwork>> clusters = new MacClusterer(MacKind.WIFI).cluster(nets);
        assertThat(clusters).hasSize(2);
        assertThat(clusters).anySatisfy(c -> assertThat(c).containsExactlyInAnyOrder(nets.get(0), nets.get(1)));
        assertThat(clusters).anySatisfy(c -> assertThat(c).containsExactlyInAnyOrder(nets.get(2), nets.get(3)));
    }

    @Test
    void a_lone_network_far_from_the_others_is_dropped() {
        List<MacNetwork> nets = List.of(net(0, 51.5, -0.1, 1000, -60, 1), net(1, 51.5001, -0.1, 1000, -60, 1),
                net(2, 51.6, -0.1, 1000, -60, 1));
        List<List<MacNetwork>> clusters = new MacClusterer(MacKind.WIFI).cluster(nets);
        assertThat(clusters).singleElement().satisfies(c -> assertThat(c).hasSize(2));
        assertThat(new MacClusterer(MacKind.BLUE).cluster(List.of(net(0, 51.5, -0.1, 1000, -60, 1),
                net(1, 51.5011, -0.1, 1000, -60, 1)))).as("blue clusters within 100 m").isEmpty();
    }
}
