package org.ichnaea.core.station;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import org.ichnaea.core.radio.CellAreaId;
import org.ichnaea.core.radio.CellId;

/** Where cells are kept. Faults surface as {@link org.ichnaea.core.StoreUnavailableException}. */
public interface CellStationStore {

    /** The stored cells for these ids, in no particular order; unknown ids are absent. */
    List<CellStation> findAll(Collection<CellId> ids);

    /** Every stored cell of an area. */
    List<CellStation> findByArea(CellAreaId area);

    /** The stored cells of {@code cell}'s site ({@link CellId#siteCids}), itself included when stored. */
    default List<CellStation> findSite(CellId cell) {
        long[] range = cell.siteCids();
        List<CellStation> site = new java.util.ArrayList<>();
        for (CellStation c : findByArea(cell.area())) {
            if (c.id().cid() >= range[0] && c.id().cid() <= range[1]) {
                site.add(c);
            }
        }
        return site;
    }

    /** Inserts or replaces every cell. */
    void saveAll(Collection<CellStation> cells);

    void deleteAll(Collection<CellId> ids);

    long count();

    /** Hands every stored cell to {@code action}, streaming (for exports); order is unspecified. */
    void forEach(Consumer<CellStation> action);

    /**
     * One read-modify-write transaction over these cells, as {@link MacStationStore#update}: {@code change} sees the
     * locked stored cells and returns the ones to save; it may run more than once.
     */
    default void update(Collection<CellId> ids, Function<Map<CellId, CellStation>, Collection<CellStation>> change) {
        update(ids, ReportLedger.NONE, (locked, applied) -> change.apply(locked));
    }

    /** The same transaction with a ledger of applied reports, as {@link MacStationStore#update(Collection,
     * ReportLedger, BiFunction)}. */
    void update(Collection<CellId> ids, ReportLedger ledger,
                BiFunction<Map<CellId, CellStation>, Set<Long>, Collection<CellStation>> change);
}
