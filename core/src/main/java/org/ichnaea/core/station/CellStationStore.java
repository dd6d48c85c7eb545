package org.ichnaea.core.station;

import java.util.Collection;
import java.util.List;
import org.ichnaea.core.radio.CellAreaId;
import org.ichnaea.core.radio.CellId;

/** Where cells are kept. Faults surface as {@link org.ichnaea.core.StoreUnavailableException}. */
public interface CellStationStore {

    /** The stored cells for these ids, in no particular order; unknown ids are absent. */
    List<CellStation> findAll(Collection<CellId> ids);

    /** Every stored cell of an area. */
    List<CellStation> findByArea(CellAreaId area);

    /** Inserts or replaces every cell. */
    void saveAll(Collection<CellStation> cells);

    void deleteAll(Collection<CellId> ids);

    long count();
}
