package org.ichnaea.core.station;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.ichnaea.core.radio.CellAreaId;

/** Cell areas in a concurrent map. */
public final class InMemoryCellAreaStore implements CellAreaStore {

    private final ConcurrentMap<CellAreaId, CellArea> areas = new ConcurrentHashMap<>();

    @Override
    public List<CellArea> findAll(Collection<CellAreaId> ids) {
        List<CellArea> found = new ArrayList<>(ids.size());
        for (CellAreaId id : ids) {
            CellArea area = areas.get(id);
            if (area != null) {
                found.add(area);
            }
        }
        return found;
    }

    @Override
    public void saveAll(Collection<CellArea> toSave) {
        for (CellArea area : toSave) {
            areas.put(area.id(), area);
        }
    }

    @Override
    public void deleteAll(Collection<CellAreaId> ids) {
        ids.forEach(areas::remove);
    }

    @Override
    public long count() {
        return areas.size();
    }

    @Override
    public void forEach(Consumer<CellArea> action) {
        areas.values().forEach(action);
    }
}
