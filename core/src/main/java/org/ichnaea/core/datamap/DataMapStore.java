package org.ichnaea.core.datamap;

import java.time.LocalDate;
import java.util.Collection;
import java.util.function.Consumer;

/**
 * The coverage grid, {@code datamap_ne|nw|se|sw} (docs/algorithms.md §13.4). Faults surface as
 * {@link org.ichnaea.core.StoreUnavailableException}.
 */
public interface DataMapStore {

    /**
     * Ichnaea's {@code update_datamap}: cells already modified on {@code today} are left alone, other known cells get
     * {@code modified = today}, new cells are inserted with {@code created = modified = today}. Duplicates are fine.
     * Answers how many rows were inserted or changed.
     */
    int update(Collection<GridCell> cells, LocalDate today);

    /** Ichnaea's {@code cleanup_datamap}: deletes cells last modified before {@code day}; answers how many. */
    int deleteModifiedBefore(LocalDate day);

    /** Hands every stored cell to {@code action}, streaming; order is unspecified. */
    void forEach(Consumer<GridEntry> action);

    long count();
}
