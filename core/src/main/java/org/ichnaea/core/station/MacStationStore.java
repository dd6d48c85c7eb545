package org.ichnaea.core.station;

import java.util.Collection;
import java.util.List;
import org.ichnaea.core.radio.MacAddress;

/**
 * Stations keyed by MAC address: the common shape of the Wi-Fi and Bluetooth stores. Faults surface as
 * {@link org.ichnaea.core.StoreUnavailableException}.
 */
public interface MacStationStore {

    /**
     * The stored stations for these MACs, in no particular order; unknown MACs are absent. Blocked and unplaced
     * stations are returned too: callers decide what they may use.
     */
    List<MacStation> findAll(Collection<MacAddress> macs);

    /** Inserts or replaces every station. */
    void saveAll(Collection<MacStation> stations);

    /** Deletes the stations of these MACs; unknown MACs are ignored. */
    void deleteAll(Collection<MacAddress> macs);

    /** How many stations are stored. */
    long count();
}
