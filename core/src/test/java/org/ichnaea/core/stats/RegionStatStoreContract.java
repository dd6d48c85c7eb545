package org.ichnaea.core.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.ichnaea.core.radio.MacAddress;
import org.ichnaea.core.radio.RadioType;
import org.ichnaea.core.station.BlueStationStore;
import org.ichnaea.core.station.CellAreaStore;
import org.ichnaea.core.station.WifiStationStore;
import org.ichnaea.core.testing.TestStations;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@code region_stat} store does (docs/algorithms.md §13.3 {@code update_statregion}); run against the
 * fake and each adapter, over station stores of the same kind.
 */
public abstract class RegionStatStoreContract {

    /** Empty station stores and the region statistics computed from them. */
    public record Stores(WifiStationStore wifi, BlueStationStore blue, CellAreaStore areas,
                            RegionStatStore stats) {
    }

    protected Stores stores;

    protected abstract Stores newStores();

    @BeforeEach
    void createStores() {
        stores = newStores();
    }

    private void fill() {
        stores.areas().saveAll(List.of(
                TestStations.area(RadioType.GSM, 262, 1, 1).region("DE").numCells(3).build(),
                TestStations.area(RadioType.GSM, 262, 1, 2).region("DE").numCells(2).build(),
                TestStations.area(RadioType.LTE, 262, 1, 1).region("DE").numCells(5).build(),
                TestStations.area(RadioType.NR, 262, 1, 1).region("DE").numCells(1).build(),
                TestStations.area(RadioType.WCDMA, 208, 1, 1).region("FR").numCells(4).build(),
                TestStations.area(RadioType.LTE, 232, 1, 1).region("AT").numCells(4).build(),
                TestStations.area(RadioType.LTE, 262, 1, 9).numCells(9).build()));
        stores.wifi().saveAll(List.of(
                TestStations.wifi("aa:bb:0c:00:00:01").region("DE").build(),
                TestStations.wifi("aa:bb:fc:00:00:02").region("DE").build(),
                TestStations.wifi("aa:bb:3c:00:00:03").region("GB").build(),
                TestStations.wifi("aa:bb:7c:00:00:04").region("GB").build(),
                TestStations.wifi("aa:bb:7c:00:00:05").region("GB").build(),
                TestStations.wifi("aa:bb:9c:00:00:06").build()));
        stores.blue().saveAll(List.of(
                TestStations.blue("cc:dd:1e:00:00:01").region("FR").build(),
                TestStations.blue("cc:dd:ae:00:00:02").region("GB").build(),
                TestStations.blue("cc:dd:ee:00:00:03").build()));
    }

    @Test
    void is_empty_until_the_first_recompute() {
        assertThat(stores.stats().recompute()).isZero();
        fill();
        assertThat(stores.stats().findAll()).isEmpty();
    }

    @Test
    void counts_cells_per_radio_and_stations_per_region() {
        fill();

        assertThat(stores.stats().recompute()).isEqualTo(4);

        assertThat(stores.stats().findAll()).containsExactly(
                new RegionStat("DE", 5, 0, 5, 1, 0, 2),
                new RegionStat("AT", 0, 0, 4, 0, 0, 0),
                new RegionStat("FR", 0, 4, 0, 0, 1, 0),
                new RegionStat("GB", 0, 0, 0, 0, 1, 3));
    }

    @Test
    void a_recompute_replaces_counts_and_deletes_regions_no_longer_present() {
        fill();
        stores.stats().recompute();

        stores.areas().deleteAll(List.of(TestStations.area(RadioType.WCDMA, 208, 1, 1).build().id()));
        stores.blue().deleteAll(List.of(MacAddress.of("cc:dd:1e:00:00:01")));
        stores.wifi().saveAll(List.of(TestStations.wifi("aa:bb:5c:00:00:07").region("AT").build()));
        stores.areas().saveAll(List.of(TestStations.area(RadioType.GSM, 262, 1, 1).region("DE").numCells(30)
                .build()));

        assertThat(stores.stats().recompute()).isEqualTo(3);

        assertThat(stores.stats().findAll()).containsExactly(
                new RegionStat("DE", 32, 0, 5, 1, 0, 2),
                new RegionStat("AT", 0, 0, 4, 0, 0, 1),
                new RegionStat("GB", 0, 0, 0, 0, 1, 3));
    }

    @Test
    void a_recompute_over_empty_stores_deletes_every_row() {
        fill();
        stores.stats().recompute();
        List<RegionStat> before = stores.stats().findAll();
        assertThat(before).hasSize(4);

        stores.wifi().deleteAll(List.of(MacAddress.of("aa:bb:0c:00:00:01"), MacAddress.of("aa:bb:fc:00:00:02"),
                MacAddress.of("aa:bb:3c:00:00:03"), MacAddress.of("aa:bb:7c:00:00:04"),
                MacAddress.of("aa:bb:7c:00:00:05"), MacAddress.of("aa:bb:9c:00:00:06")));
        stores.blue().deleteAll(List.of(MacAddress.of("cc:dd:1e:00:00:01"), MacAddress.of("cc:dd:ae:00:00:02"),
                MacAddress.of("cc:dd:ee:00:00:03")));
        List<org.ichnaea.core.radio.CellAreaId> areas = new java.util.ArrayList<>();
        stores.areas().forEach(a -> areas.add(a.id()));
        stores.areas().deleteAll(areas);

        assertThat(stores.stats().recompute()).isZero();
        assertThat(stores.stats().findAll()).isEmpty();
    }
}
