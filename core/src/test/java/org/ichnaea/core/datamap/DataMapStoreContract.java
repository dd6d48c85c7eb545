package org.ichnaea.core.datamap;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every data-map grid store does (docs/storage.md "Schema", docs/algorithms.md §13.4); run against the fake and
 * each adapter.
 */
public abstract class DataMapStoreContract {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

    /** One cell in each quadrant, with negative coordinates in the south and west. */
    private static final GridCell NE = GridCell.of(52.52, 13.405);
    private static final GridCell NW = GridCell.of(40.7128, -74.006);
    private static final GridCell SE = GridCell.of(-33.8688, 151.2093);
    private static final GridCell SW = GridCell.of(-34.6037, -58.3816);

    protected DataMapStore store;

    protected abstract DataMapStore newStore();

    @BeforeEach
    void createStore() {
        store = newStore();
    }

    private List<GridEntry> all() {
        List<GridEntry> entries = new ArrayList<>();
        store.forEach(entries::add);
        return entries;
    }

    @Test
    void the_test_cells_lie_in_four_quadrants() {
        assertThat(List.of(NE.quadrant(), NW.quadrant(), SE.quadrant(), SW.quadrant()))
                .containsExactly("ne", "nw", "se", "sw");
    }

    @Test
    void inserts_new_cells_created_and_modified_today() {
        assertThat(store.update(List.of(NE, NW, SE, SW), TODAY)).isEqualTo(4);

        assertThat(all()).containsExactlyInAnyOrder(new GridEntry(NE, TODAY, TODAY), new GridEntry(NW, TODAY, TODAY),
                new GridEntry(SE, TODAY, TODAY), new GridEntry(SW, TODAY, TODAY));
        assertThat(store.count()).isEqualTo(4);
    }

    @Test
    void leaves_cells_modified_today_alone_and_touches_older_ones() {
        LocalDate earlier = TODAY.minusDays(20);
        store.update(List.of(NE, SW), earlier);
        store.update(List.of(NW), TODAY);

        assertThat(store.update(List.of(NE, NW, SW, SE), TODAY)).isEqualTo(3);

        assertThat(all()).containsExactlyInAnyOrder(new GridEntry(NE, earlier, TODAY),
                new GridEntry(NW, TODAY, TODAY), new GridEntry(SW, earlier, TODAY), new GridEntry(SE, TODAY, TODAY));
        assertThat(store.update(List.of(NE, NW, SW, SE), TODAY)).isZero();
    }

    @Test
    void duplicates_in_one_call_are_fine() {
        GridCell other = GridCell.of(52.521, 13.405);
        assertThat(store.update(List.of(NE, NE, other, NE, other), TODAY)).isEqualTo(2);
        assertThat(store.update(List.of(NE, NE), TODAY.plusDays(1))).isEqualTo(1);

        assertThat(all()).containsExactlyInAnyOrder(new GridEntry(NE, TODAY, TODAY.plusDays(1)),
                new GridEntry(other, TODAY, TODAY));
    }

    @Test
    void an_empty_update_changes_nothing() {
        assertThat(store.update(List.of(), TODAY)).isZero();
        assertThat(store.count()).isZero();
    }

    @Test
    void keeps_cells_at_the_edges_of_the_grid() {
        List<GridCell> edges = List.of(new GridCell(-90_000, -180_000), new GridCell(90_000, 180_000),
                new GridCell(35_999, 4_999), new GridCell(36_000, 5_000), new GridCell(0, 0));
        assertThat(store.update(edges, TODAY)).isEqualTo(5);
        assertThat(all()).extracting(GridEntry::cell).containsExactlyInAnyOrderElementsOf(edges);
    }

    @Test
    void deletes_cells_modified_before_a_day() {
        store.update(List.of(NE, SE), TODAY.minusDays(400));
        store.update(List.of(NW), TODAY.minusDays(365));
        store.update(List.of(SW), TODAY);

        assertThat(store.deleteModifiedBefore(TODAY.minusDays(365))).isEqualTo(2);

        assertThat(all()).extracting(GridEntry::cell).containsExactlyInAnyOrder(NW, SW);
        assertThat(store.count()).isEqualTo(2);
        assertThat(store.deleteModifiedBefore(TODAY.minusDays(365))).isZero();
    }

    @Test
    void handles_many_cells_in_one_call() {
        List<GridCell> cells = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            cells.add(new GridCell(-40_000 + i * 70, -170_000 + i * 250));
        }
        assertThat(store.update(cells, TODAY.minusDays(1))).isEqualTo(1200);
        assertThat(store.update(cells.subList(0, 700), TODAY)).isEqualTo(700);
        assertThat(store.count()).isEqualTo(1200);
        assertThat(all()).filteredOn(e -> e.modified().equals(TODAY)).hasSize(700);
    }
}
