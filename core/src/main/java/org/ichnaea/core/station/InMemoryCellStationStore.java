package org.ichnaea.core.station;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.ichnaea.core.radio.CellAreaId;
import org.ichnaea.core.radio.CellId;

/** Cells in a concurrent map. */
public final class InMemoryCellStationStore implements CellStationStore {

    private final ConcurrentMap<CellId, CellStation> cells = new ConcurrentHashMap<>();

    @Override
    public List<CellStation> findAll(Collection<CellId> ids) {
        List<CellStation> found = new ArrayList<>(ids.size());
        for (CellId id : ids) {
            CellStation cell = cells.get(id);
            if (cell != null) {
                found.add(cell);
            }
        }
        return found;
    }

    @Override
    public List<CellStation> findByArea(CellAreaId area) {
        return cells.values().stream().filter(c -> c.id().area().equals(area)).toList();
    }

    @Override
    public void saveAll(Collection<CellStation> toSave) {
        for (CellStation cell : toSave) {
            cells.put(cell.id(), cell);
        }
    }

    @Override
    public void deleteAll(Collection<CellId> ids) {
        ids.forEach(cells::remove);
    }

    @Override
    public long count() {
        return cells.size();
    }

    @Override
    public void forEach(Consumer<CellStation> action) {
        cells.values().forEach(action);
    }

    @Override
    public synchronized void update(Collection<CellId> ids, ReportLedger ledger,
            java.util.function.BiFunction<Map<CellId, CellStation>, java.util.Set<Long>,
                    Collection<CellStation>> change) {
        Map<CellId, CellStation> locked = new HashMap<>();
        for (CellStation cell : findAll(ids)) {
            locked.put(cell.id(), cell);
        }
        saveAll(change.apply(locked, this.ledger.applied(ledger)));
        this.ledger.record(ledger);
    }

    private final InMemoryLedger ledger = new InMemoryLedger();
}
