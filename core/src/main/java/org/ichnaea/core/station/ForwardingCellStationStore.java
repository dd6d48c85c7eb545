package org.ichnaea.core.station;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.ichnaea.core.radio.CellAreaId;
import org.ichnaea.core.radio.CellId;

/**
 * A cell station store that hands every call to another, {@link #findSite} included (the store's own, not the
 * interface's default): the base of decorators that change one or two methods (a circuit breaker on lookups, a
 * cache) and forward the rest unchanged, as {@link ForwardingMacStationStore} is for MAC stations.
 */
public abstract class ForwardingCellStationStore implements CellStationStore {

    private final CellStationStore delegate;

    protected ForwardingCellStationStore(CellStationStore delegate) {
        this.delegate = delegate;
    }

    /** The store calls are handed to. */
    protected final CellStationStore delegate() {
        return delegate;
    }

    @Override
    public List<CellStation> findAll(Collection<CellId> ids) {
        return delegate.findAll(ids);
    }

    @Override
    public List<CellStation> findByArea(CellAreaId area) {
        return delegate.findByArea(area);
    }

    @Override
    public List<CellStation> findSite(CellId cell) {
        return delegate.findSite(cell);
    }

    @Override
    public void saveAll(Collection<CellStation> cells) {
        delegate.saveAll(cells);
    }

    @Override
    public void deleteAll(Collection<CellId> ids) {
        delegate.deleteAll(ids);
    }

    @Override
    public long count() {
        return delegate.count();
    }

    @Override
    public void forEach(Consumer<CellStation> action) {
        delegate.forEach(action);
    }

    @Override
    public void update(Collection<CellId> ids, ReportLedger ledger,
                       BiFunction<Map<CellId, CellStation>, Set<Long>, Collection<CellStation>> change) {
        delegate.update(ids, ledger, change);
    }
}
