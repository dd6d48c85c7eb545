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
import org.ichnaea.core.radio.MacAddress;

/** MAC-keyed stations in a concurrent map; the Wi-Fi and Bluetooth fakes share it. */
public abstract class InMemoryMacStationStore implements MacStationStore {

    private final ConcurrentMap<MacAddress, MacStation> stations = new ConcurrentHashMap<>();

    @Override
    public List<MacStation> findAll(Collection<MacAddress> macs) {
        List<MacStation> found = new ArrayList<>(macs.size());
        for (MacAddress mac : macs) {
            MacStation station = stations.get(mac);
            if (station != null) {
                found.add(station);
            }
        }
        return found;
    }

    @Override
    public void saveAll(Collection<MacStation> toSave) {
        for (MacStation station : toSave) {
            stations.put(station.mac(), station);
        }
    }

    @Override
    public void deleteAll(Collection<MacAddress> macs) {
        macs.forEach(stations::remove);
    }

    @Override
    public long count() {
        return stations.size();
    }

    @Override
    public void forEach(Consumer<MacStation> action) {
        stations.values().forEach(action);
    }

    @Override
    public synchronized void update(Collection<MacAddress> macs, ReportLedger ledger,
            java.util.function.BiFunction<Map<MacAddress, MacStation>, java.util.Set<Long>,
                    Collection<MacStation>> change) {
        Map<MacAddress, MacStation> locked = new HashMap<>();
        for (MacStation station : findAll(macs)) {
            locked.put(station.mac(), station);
        }
        saveAll(change.apply(locked, ledger().applied(ledger)));
        ledger().record(ledger);
    }

    private final InMemoryLedger ledger = new InMemoryLedger();

    private InMemoryLedger ledger() {
        return ledger;
    }
}
