package org.ichnaea.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.ichnaea.core.radio.CellAreaId;
import org.ichnaea.core.radio.MobileCountryCodes;
import org.ichnaea.core.radio.RadioType;
import org.ichnaea.core.station.CellArea;
import org.ichnaea.core.station.InMemoryCellAreaStore;
import org.ichnaea.core.station.InMemoryCellStationStore;
import org.ichnaea.core.testing.TestClock;
import org.ichnaea.core.testing.TestRegions;
import org.ichnaea.core.testing.TestStations;
import org.junit.jupiter.api.Test;

/** Cell areas recomputed and deleted, docs/algorithms.md §13.8. */
class CellAreaUpdaterTest {

    private final InMemoryCellStationStore cells = new InMemoryCellStationStore();
    private final InMemoryCellAreaStore areas = new InMemoryCellAreaStore();
    private final CellAreaUpdater updater = new CellAreaUpdater(cells, areas, TestRegions.some(),
            MobileCountryCodes.bundled(), TestClock.fixed());
    private final CellAreaId id = new CellAreaId(RadioType.LTE, 262, 2, 812);

    @Test
    void an_area_is_the_unweighted_mean_of_its_placed_cells() {
        cells.saveAll(List.of(
                TestStations.cell(RadioType.LTE, 262, 2, 812, 1).at(52.50, 13.40).radius(1000).region("DE")
                        .lastSeen(TestClock.TODAY.minusDays(5)).build(),
                TestStations.cell(RadioType.LTE, 262, 2, 812, 2).at(52.52, 13.44).radius(2000).region("DE")
                        .lastSeen(TestClock.TODAY.minusDays(1)).build(),
                TestStations.cell(RadioType.LTE, 262, 2, 812, 3).noPosition().build(),
                TestStations.cell(RadioType.LTE, 262, 2, 813, 1).at(10, 10).build()));

        assertThat(updater.update(List.of(id))).containsExactly(1, 0);

        CellArea area = areas.findAll(List.of(id)).get(0);
        assertThat(area.lat()).isCloseTo(52.51, within(1e-9));
        assertThat(area.lon()).isCloseTo(13.42, within(1e-9));
        assertThat(area.numCells()).isEqualTo(2);
        assertThat(area.avgCellRadius()).isEqualTo(1500);
        assertThat(area.region()).isEqualTo("DE");
        assertThat(area.lastSeen()).isEqualTo(TestClock.TODAY.minusDays(1));
        assertThat(area.radius()).as("centre to a corner of the box").isBetween(1700, 1800);
        assertThat(area.created()).isEqualTo(TestClock.NOW);
    }

    @Test
    void an_area_without_placed_cells_is_deleted() {
        areas.saveAll(List.of(TestStations.area(RadioType.LTE, 262, 2, 812).build()));
        cells.saveAll(List.of(TestStations.cell(RadioType.LTE, 262, 2, 812, 3).noPosition().build()));
        assertThat(updater.update(List.of(id))).containsExactly(0, 1);
        assertThat(areas.count()).isZero();
    }

    @Test
    void without_cell_regions_the_mcc_decides() {
        cells.saveAll(List.of(TestStations.cell(RadioType.LTE, 262, 2, 812, 1).at(52.5, 13.4).build()));
        updater.update(List.of(id));
        assertThat(areas.findAll(List.of(id)).get(0).region()).isEqualTo("DE");
    }
}
