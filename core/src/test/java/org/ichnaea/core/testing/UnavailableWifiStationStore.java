package org.ichnaea.core.testing;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.ichnaea.core.StoreUnavailableException;
import org.ichnaea.core.radio.MacAddress;
import org.ichnaea.core.station.MacStation;
import org.ichnaea.core.station.WifiStationStore;

/** A Wi-Fi store whose database is down: every call fails as a real adapter's would. */
public final class UnavailableWifiStationStore implements WifiStationStore {

    private static StoreUnavailableException down() {
        return new StoreUnavailableException("database down");
    }

    @Override
    public List<MacStation> findAll(Collection<MacAddress> macs) {
        throw down();
    }

    @Override
    public void saveAll(Collection<MacStation> stations) {
        throw down();
    }

    @Override
    public void deleteAll(Collection<MacAddress> macs) {
        throw down();
    }

    @Override
    public long count() {
        throw down();
    }

    @Override
    public void forEach(Consumer<MacStation> action) {
        throw down();
    }

    @Override
    public void update(Collection<MacAddress> macs, org.ichnaea.core.station.ReportLedger ledger,
                       java.util.function.BiFunction<Map<MacAddress, MacStation>, java.util.Set<Long>,
                               Collection<MacStation>> change) {
        throw down();
    }
}
