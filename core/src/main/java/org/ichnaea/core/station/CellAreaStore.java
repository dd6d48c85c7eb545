package org.ichnaea.core.station;

import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import org.ichnaea.core.radio.CellAreaId;

/** Where cell areas are kept. Faults surface as {@link org.ichnaea.core.StoreUnavailableException}. */
public interface CellAreaStore {

    /** The stored areas for these ids, in no particular order; unknown ids are absent. */
    List<CellArea> findAll(Collection<CellAreaId> ids);

    /** Inserts or replaces every area. */
    void saveAll(Collection<CellArea> areas);

    void deleteAll(Collection<CellAreaId> ids);

    long count();

    /** Hands every stored area to {@code action}, streaming (for exports); order is unspecified. */
    void forEach(Consumer<CellArea> action);
}
