package org.ichnaea.core.datamap;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** {@link DataMapStore} in memory, for tests and embedding. */
public final class InMemoryDataMapStore implements DataMapStore {

    private final Map<GridCell, GridEntry> cells = new ConcurrentHashMap<>();

    @Override
    public synchronized int update(Collection<GridCell> update, LocalDate today) {
        int changed = 0;
        for (GridCell cell : new java.util.LinkedHashSet<>(update)) {
            GridEntry existing = cells.get(cell);
            if (existing == null) {
                cells.put(cell, new GridEntry(cell, today, today));
                changed++;
            } else if (!today.equals(existing.modified())) {
                cells.put(cell, new GridEntry(cell, existing.created(), today));
                changed++;
            }
        }
        return changed;
    }

    @Override
    public synchronized int deleteModifiedBefore(LocalDate day) {
        List<GridCell> old = cells.values().stream().filter(e -> e.modified().isBefore(day)).map(GridEntry::cell)
                .toList();
        old.forEach(cells::remove);
        return old.size();
    }

    @Override
    public void forEach(Consumer<GridEntry> action) {
        List.copyOf(cells.values()).forEach(action);
    }

    @Override
    public long count() {
        return cells.size();
    }
}
