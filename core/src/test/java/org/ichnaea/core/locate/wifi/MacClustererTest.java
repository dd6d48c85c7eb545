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

    /** docs/algorithms.md §5, worked example (Ichnaea's test_weight). */
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

    /**
     * Golden values from scipy 1.17's leastsq with Vincenty distances, computed by tools/lm-golden.py the way
     * Ichnaea does (docs/algorithms.md §5): network rows are {lat, lon, age ms, signal dBm, score}.
     */
    private static final Object[][] SCIPY_GOLDEN = {
            new Object[] {new double[][] {{15.9305811, -158.5736509, 1000, -49, 0.5}, {15.9288831, -158.5775931, 1000, -89, 0.5}, {15.9289742, -158.5750819, 3000, -79, 0.05}, {15.9303813, -158.5752802, 8000, -56, 0.05}, {15.9281638, -158.5760167, 1500, -83, 0.5}}, new double[] {15.9301435, -158.5743577}}, // case 0, ier 2, nfev 27
            new Object[] {new double[][] {{51.5399427, -102.080101, 8000, -50, 1.0}, {51.5397303, -102.079951, 1000, -56, 1.0}, {51.5402519, -102.0791773, 1000, -77, 0.05}, {51.5415668, -102.0790076, 8000, -66, 0.5}}, new double[] {51.5399893, -102.0797949}}, // case 1, ier 2, nfev 15
            new Object[] {new double[][] {{32.3086617, 134.9648814, 3000, -81, 0.05}, {32.3082246, 134.9661648, 1000, -49, 2.5}, {32.309644, 134.9647331, 1500, -82, 2.5}, {32.3110485, 134.9655003, 1000, -91, 1.0}, {32.310867, 134.9630046, 1000, -43, 0.5}, {32.3086155, 134.9631727, 1000, -68, 1.0}, {32.3109691, 134.964985, 1000, -64, 2.5}, {32.3100935, 134.9640088, 3000, -52, 2.5}, {32.3111714, 134.9647555, 3000, -70, 0.05}}, new double[] {32.3099558, 134.9642402}}, // case 2, ier 2, nfev 27
            new Object[] {new double[][] {{13.1060236, 61.6440509, 3000, -75, 2.5}, {13.1053193, 61.6441488, 1500, -77, 2.5}, {13.1052664, 61.6436394, 3000, -43, 1.0}, {13.1063741, 61.6429927, 1000, -66, 1.0}, {13.1042219, 61.6436159, 15000, -62, 1.0}, {13.1040208, 61.6448201, 15000, -43, 0.05}, {13.1041969, 61.6450741, 1000, -38, 2.5}, {13.1038099, 61.6436584, 8000, -66, 0.5}, {13.1036916, 61.6431129, 1000, -55, 2.5}, {13.1042168, 61.6440975, 8000, -69, 1.0}}, new double[] {13.1045375, 61.6443388}}, // case 3, ier 2, nfev 24
            new Object[] {new double[][] {{45.3184771, -29.9946901, 1000, -43, 0.5}, {45.320131, -29.9946517, 8000, -76, 2.5}, {45.3196896, -29.996186, 1000, -59, 1.0}, {45.3205956, -29.9929613, 1500, -36, 0.05}, {45.3186401, -29.9934379, 1000, -62, 0.05}, {45.3183554, -29.9950542, 1500, -43, 2.5}, {45.318129, -29.9928743, 3000, -58, 1.0}, {45.3195952, -29.9949026, 8000, -95, 1.0}, {45.3193525, -29.9943153, 15000, -90, 0.5}, {45.3182291, -29.9962212, 15000, -71, 1.0}}, new double[] {45.3194238, -29.9939909}}, // case 4, ier 2, nfev 30
            new Object[] {new double[][] {{6.204447, -119.9538807, 1500, -44, 0.05}, {6.2049077, -119.952361, 1000, -78, 0.5}, {6.2031814, -119.9514523, 1000, -84, 0.5}, {6.2028891, -119.9512628, 3000, -55, 2.5}, {6.203912, -119.9518472, 8000, -90, 2.5}, {6.2029685, -119.9514963, 15000, -79, 0.05}, {6.2047628, -119.9539145, 1000, -81, 0.05}, {6.2034118, -119.9535664, 8000, -58, 2.5}, {6.2035231, -119.9513332, 1000, -59, 0.05}, {6.2045204, -119.9541101, 1000, -68, 0.5}}, new double[] {6.2040587, -119.9529983}}, // case 5, ier 2, nfev 25
            new Object[] {new double[][] {{-19.4518292, -178.0883845, 1500, -94, 1.0}, {-19.4502551, -178.0878515, 1000, -59, 0.05}, {-19.451528, -178.0881568, 8000, -57, 1.0}}, new double[] {-19.4506780, -178.0879698}}, // case 6, ier 2, nfev 41
            new Object[] {new double[][] {{-20.7610649, 172.0141009, 15000, -72, 2.5}, {-20.7622667, 172.0156032, 1000, -63, 1.0}, {-20.7600897, 172.0127501, 1000, -56, 2.5}}, new double[] {-20.7609284, 172.0138508}}, // case 7, ier 2, nfev 30
    };

    @Test
    void the_least_squares_position_matches_scipy_on_random_clusters_to_seven_decimals() {
        for (Object[] golden : SCIPY_GOLDEN) {
            double[][] rows = (double[][]) golden[0];
            double[] expected = (double[]) golden[1];
            List<MacNetwork> nets = new ArrayList<>();
            for (int i = 0; i < rows.length; i++) {
                nets.add(net(i, rows[i][0], rows[i][1], rows[i][2], (int) rows[i][3], rows[i][4]));
            }
            double[] fit = MacClusterer.fit(nets);
            assertThat(Geodesy.round7(fit[0])).as("lat of %s", java.util.Arrays.deepToString(rows))
                    .isCloseTo(expected[0], within(1e-9));
            assertThat(Geodesy.round7(fit[1])).as("lon of %s", java.util.Arrays.deepToString(rows))
                    .isCloseTo(expected[1], within(1e-9));
        }
    }
}
