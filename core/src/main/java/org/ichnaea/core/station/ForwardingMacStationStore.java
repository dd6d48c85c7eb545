package org.ichnaea.core.station;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.ichnaea.core.radio.MacAddress;

/**
 * A MAC station store that hands every call to another: the base of decorators that change one or two methods
 * (a circuit breaker on lookups, a cache, a lookup order, a test's gate) and forward the rest unchanged.
 */
public abstract class ForwardingMacStationStore implements MacStationStore {

    private final MacStationStore delegate;

    protected ForwardingMacStationStore(MacStationStore delegate) {
        this.delegate = delegate;
    }

    /** The store calls are handed to. */
    protected final MacStationStore delegate() {
        return delegate;
    }

    @Override
    public List<MacStation> findAll(Collection<MacAddress> macs) {
        return delegate.findAll(macs);
    }

    @Override
    public void saveAll(Collection<MacStation> stations) {
        delegate.saveAll(stations);
    }

    @Override
    public void deleteAll(Collection<MacAddress> macs) {
        delegate.deleteAll(macs);
    }

    @Override
    public long count() {
        return delegate.count();
    }

    @Override
    public void forEach(Consumer<MacStation> action) {
        delegate.forEach(action);
    }

    @Override
    public void update(Collection<MacAddress> macs, ReportLedger ledger,
                       BiFunction<Map<MacAddress, MacStation>, Set<Long>, Collection<MacStation>> change) {
        delegate.update(macs, ledger, change);
    }
}
