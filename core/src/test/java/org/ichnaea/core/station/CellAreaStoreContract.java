package org.ichnaea.core.station;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.ichnaea.core.radio.CellAreaId;
import org.ichnaea.core.radio.RadioType;
import org.ichnaea.core.testing.TestClock;
import org.ichnaea.core.testing.TestStations;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every cell-area store does; run against the fake and each real adapter. */
public abstract class CellAreaStoreContract {

    protected CellAreaStore store;

    protected abstract CellAreaStore newStore();

    @BeforeEach
    void createStore() {
        store = newStore();
    }

    @Test
    void gives_back_every_field() {
        CellArea area = new CellArea(new CellAreaId(RadioType.LTE, 262, 2, 812), 52.5, 13.4, 12_000, "DE", 2500, 7,
                TestClock.daysAgo(100), TestClock.daysAgo(2), LocalDate.of(2026, 6, 13));
        CellArea nr = TestStations.area(RadioType.NR, 244, 5, (1 << 24) - 1).build();
        store.saveAll(List.of(area, nr));

        assertThat(store.findAll(List.of(area.id(), nr.id(), new CellAreaId(RadioType.GSM, 262, 2, 812))))
                .containsExactlyInAnyOrder(area, nr);
        assertThat(store.count()).isEqualTo(2);
    }

    @Test
    void streams_every_area() {
        CellArea a = TestStations.area(RadioType.GSM, 262, 2, 812).build();
        CellArea b = TestStations.area(RadioType.NR, 262, 2, 70_000).build();
        store.saveAll(List.of(a, b));
        List<CellArea> seen = new java.util.ArrayList<>();
        store.forEach(seen::add);
        assertThat(seen).containsExactlyInAnyOrder(a, b);
    }

    @Test
    void replaces_and_deletes() {
        CellArea a = TestStations.area(RadioType.GSM, 262, 2, 812).at(1, 1).build();
        CellArea moved = TestStations.area(RadioType.GSM, 262, 2, 812).at(2, 2).numCells(3).build();
        store.saveAll(List.of(a));
        store.saveAll(List.of(moved));
        assertThat(store.findAll(List.of(a.id()))).containsExactly(moved);

        store.deleteAll(List.of(a.id()));
        assertThat(store.findAll(List.of(a.id()))).isEmpty();
    }
}
