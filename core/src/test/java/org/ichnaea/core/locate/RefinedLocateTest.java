package org.ichnaea.core.locate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.ichnaea.core.radio.RadioType;
import org.ichnaea.core.station.CellProfile;
import org.ichnaea.core.station.CellStation;
import org.ichnaea.core.station.InMemoryBlueStationStore;
import org.ichnaea.core.station.InMemoryCellAreaStore;
import org.ichnaea.core.station.InMemoryCellStationStore;
import org.ichnaea.core.station.InMemoryWifiStationStore;
import org.ichnaea.core.testing.TestClock;
import org.ichnaea.core.testing.TestRegions;
import org.ichnaea.core.testing.TestStations;
import org.junit.jupiter.api.Test;

/** The default engine ({@link Algorithm#REFINED}, docs/algorithms.md) over in-memory stores. */
class RefinedLocateTest {

    private final InMemoryWifiStationStore wifi = new InMemoryWifiStationStore();
    private final InMemoryCellStationStore cells = new InMemoryCellStationStore();
    private final InMemoryCellAreaStore areas = new InMemoryCellAreaStore();

    private Locator locator(Algorithm algorithm) {
        return Locator.builder().algorithm(algorithm).wifiStations(wifi).blueStations(new InMemoryBlueStationStore())
                .cellStations(cells).cellAreas(areas).regions(TestRegions.some()).clock(TestClock.fixed()).build();
    }

    private static String mac(int i) {
        return String.format("aabbcc%06x", i);
    }

    @Test
    void the_default_is_refined() {
        assertThat(Algorithm.parse(null)).isEqualTo(Algorithm.REFINED);
        assertThat(Algorithm.parse(" Ichnaea ")).isEqualTo(Algorithm.ICHNAEA);
    }

    @Test
    void wifi_answers_lean_to_the_strongest_networks() {
        // Three networks 100 m apart on a north-south line; the query hears the northern one loudest.
        wifi.saveAll(List.of(TestStations.wifi(mac(1)).at(51.5000, -0.1).build(),
                TestStations.wifi(mac(2)).at(51.5009, -0.1).build(),
                TestStations.wifi(mac(3)).at(51.5018, -0.1).build()));
        QueryInput query = QueryInput.builder().wifi(mac(1), -90).wifi(mac(2), -80).wifi(mac(3), -50).build();

        Position refined = locator(Algorithm.REFINED).locate(query).orElseThrow();
        Position ichnaea = locator(Algorithm.ICHNAEA).locate(query).orElseThrow();

        // Weights 10^(-4·0.5·... ) relative to the strongest: 1 for -50, 0.0316 for -80, 0.01 for -90.
        double w1 = Math.pow(10, -40 / 10.0 * 0.5);
        double w2 = Math.pow(10, -30 / 10.0 * 0.5);
        double expected = (51.5000 * w1 + 51.5009 * w2 + 51.5018) / (w1 + w2 + 1);
        assertThat(refined.lat()).isCloseTo(expected, within(1e-7));
        assertThat(refined.lat()).isGreaterThan(ichnaea.lat());
        assertThat(refined.accuracy()).isBetween(10.0, 100.0);
    }

    @Test
    void a_cell_is_answered_from_where_it_is_heard_that_way() {
        CellStation base = TestStations.cell(RadioType.LTE, 262, 2, 812, 256 * 7 + 1).at(52.51, 13.4).radius(2000)
                .build();
        List<CellProfile.Heard> heard = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            heard.add(new CellProfile.Heard(52.50, 13.40, -70, null));
            heard.add(new CellProfile.Heard(52.52, 13.40, -110, null));
        }
        cells.saveAll(List.of(new CellStation(base.id(), null, base.data(), CellProfile.empty().with(heard))));

        Position near = locator(Algorithm.REFINED).locate(QueryInput.builder()
                .cell("lte", 262, 2, 812, 256 * 7 + 1, -71).build()).orElseThrow();
        Position far = locator(Algorithm.REFINED).locate(QueryInput.builder()
                .cell("lte", 262, 2, 812, 256 * 7 + 1, -109).build()).orElseThrow();
        Position ichnaea = locator(Algorithm.ICHNAEA).locate(QueryInput.builder()
                .cell("lte", 262, 2, 812, 256 * 7 + 1, -71).build()).orElseThrow();

        assertThat(near.lat()).isCloseTo(52.50, within(1e-9));
        assertThat(far.lat()).isCloseTo(52.52, within(1e-9));
        assertThat(ichnaea.lat()).isCloseTo(52.51, within(1e-9));
        assertThat(near.accuracy()).as("the cell's radius, not a 1 km floor").isCloseTo(3112, within(5.0));
        assertThat(ichnaea.accuracy()).isEqualTo(2000.0);
    }

    @Test
    void an_unknown_cell_is_answered_from_its_sites_other_cells_before_its_area() {
        // eNodeB 7: sectors 1 and 2 known; sector 3 asked. eNodeB 8's cell is not a sibling.
        cells.saveAll(List.of(
                TestStations.cell(RadioType.LTE, 262, 2, 812, 256 * 7 + 1).at(52.50, 13.40).radius(500).build(),
                TestStations.cell(RadioType.LTE, 262, 2, 812, 256 * 7 + 2).at(52.51, 13.40).radius(500).build(),
                TestStations.cell(RadioType.LTE, 262, 2, 812, 256 * 8 + 1).at(53.00, 13.40).radius(500).build()));
        areas.saveAll(List.of(TestStations.area(RadioType.LTE, 262, 2, 812).at(52.7, 13.4).radius(30_000).build()));

        Position sibling = locator(Algorithm.REFINED).locate(QueryInput.builder()
                .cell("lte", 262, 2, 812, 256 * 7 + 3, -90).build()).orElseThrow();
        Position area = locator(Algorithm.ICHNAEA).locate(QueryInput.builder()
                .cell("lte", 262, 2, 812, 256 * 7 + 3, -90).build()).orElseThrow();

        assertThat(sibling.lat()).isCloseTo(52.505, within(1e-6));
        assertThat(sibling.fallback()).as("on the wire, Ichnaea's tag").isEqualTo("lacf");
        assertThat(sibling.accuracy()).isEqualTo(5000.0);
        assertThat(area.lat()).isCloseTo(52.7, within(1e-9));
        assertThat(area.fallback()).isEqualTo("lacf");
        assertThat(locator(Algorithm.REFINED).locate(QueryInput.builder().fallbacks(false, false)
                .cell("lte", 262, 2, 812, 256 * 7 + 3, -90).build())).as("lacf refused: no sibling answer either")
                .isEmpty();
    }
}
