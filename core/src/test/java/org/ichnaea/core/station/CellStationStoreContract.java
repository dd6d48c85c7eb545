package org.ichnaea.core.station;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.ichnaea.core.radio.CellAreaId;
import org.ichnaea.core.radio.CellId;
import org.ichnaea.core.radio.RadioType;
import org.ichnaea.core.testing.TestClock;
import org.ichnaea.core.testing.TestStations;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every cell store does; run against the fake and each real adapter. */
public abstract class CellStationStoreContract {

    protected CellStationStore store;

    protected abstract CellStationStore newStore();

    @BeforeEach
    void createStore() {
        store = newStore();
    }

    @Test
    void gives_back_every_field_of_every_radio_including_nr_ids() {
        CellStation gsm = new CellStation(new CellId(RadioType.GSM, 262, 2, 812, 12345), 7, new StationData(52.5,
                13.4, 52.51, 52.49, 13.41, 13.39, 3000, "DE", 4L, StationSource.GNSS, 3.5, TestClock.daysAgo(10),
                TestClock.daysAgo(1), LocalDate.of(2026, 6, 14), null, null, null));
        CellStation nr = TestStations.cell(RadioType.NR, 244, 5, (1 << 24) - 1, (1L << 36) - 1).psc(1007).build();
        CellStation lte = TestStations.cell(RadioType.LTE, 244, 5, 4100, 12345678).psc(null).build();
        CellStation wcdma = TestStations.cell(RadioType.WCDMA, 244, 5, 4100, 12345678).build();
        store.saveAll(List.of(gsm, nr, lte, wcdma));

        assertThat(store.findAll(List.of(gsm.id(), nr.id(), lte.id(), wcdma.id())))
                .containsExactlyInAnyOrder(gsm, nr, lte, wcdma);
        assertThat(store.count()).isEqualTo(4);
    }

    @Test
    void keeps_a_cells_signal_profile_and_finds_the_cells_of_its_site() {
        CellStation base = TestStations.cell(RadioType.LTE, 244, 5, 4100, 256 * 40 + 1).build();
        CellProfile profile = CellProfile.empty().with(java.util.List.of(
                new CellProfile.Heard(60.1, 24.9, -80, 2), new CellProfile.Heard(60.2, 24.8, -101, null)));
        CellStation sector2 = TestStations.cell(RadioType.LTE, 244, 5, 4100, 256 * 40 + 2).build();
        CellStation otherSite = TestStations.cell(RadioType.LTE, 244, 5, 4100, 256 * 41 + 1).build();
        store.saveAll(java.util.List.of(new CellStation(base.id(), null, base.data(), profile), sector2, otherSite));

        CellStation found = store.findAll(java.util.List.of(base.id())).get(0);
        assertThat(found.profile()).isEqualTo(profile);
        assertThat(store.findAll(java.util.List.of(sector2.id())).get(0).profile().isEmpty()).isTrue();
        assertThat(store.findSite(new CellId(RadioType.LTE, 244, 5, 4100, 256 * 40 + 9)))
                .extracting(CellStation::id).containsExactlyInAnyOrder(base.id(), sector2.id());
    }

    @Test
    void finds_the_cells_of_an_area() {
        CellStation a = TestStations.cell(RadioType.LTE, 244, 5, 4100, 1).build();
        CellStation b = TestStations.cell(RadioType.LTE, 244, 5, 4100, 2).build();
        CellStation other = TestStations.cell(RadioType.LTE, 244, 5, 4101, 1).build();
        CellStation otherRadio = TestStations.cell(RadioType.WCDMA, 244, 5, 4100, 1).build();
        store.saveAll(List.of(a, b, other, otherRadio));

        assertThat(store.findByArea(new CellAreaId(RadioType.LTE, 244, 5, 4100))).containsExactlyInAnyOrder(a, b);
    }

    @Test
    void streams_every_cell_and_updates_in_a_transaction() {
        CellStation a = TestStations.cell(RadioType.LTE, 244, 5, 4100, 1).build();
        CellStation b = TestStations.cell(RadioType.NR, 244, 5, 4100, 2).build();
        store.saveAll(List.of(a, b));
        List<CellStation> seen = new java.util.ArrayList<>();
        store.forEach(seen::add);
        assertThat(seen).containsExactlyInAnyOrder(a, b);

        store.update(List.of(a.id(), new CellId(RadioType.LTE, 244, 5, 4100, 3)), locked -> {
            assertThat(locked).containsOnlyKeys(a.id());
            return List.of(new CellStation(a.id(), 77, a.data()));
        });
        assertThat(store.findAll(List.of(a.id()))).singleElement().satisfies(c -> assertThat(c.psc()).isEqualTo(77));
    }

    @Test
    void replaces_and_deletes() {
        CellStation a = TestStations.cell(RadioType.GSM, 262, 2, 812, 1).at(1, 1).build();
        CellStation moved = TestStations.cell(RadioType.GSM, 262, 2, 812, 1).at(2, 2).build();
        store.saveAll(List.of(a));
        store.saveAll(List.of(moved));
        assertThat(store.findAll(List.of(a.id()))).containsExactly(moved);

        store.deleteAll(List.of(a.id()));
        assertThat(store.findAll(List.of(a.id()))).isEmpty();
        assertThat(store.count()).isZero();
    }
}
