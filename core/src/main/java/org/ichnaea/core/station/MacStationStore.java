package org.ichnaea.core.station;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
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

    /** Hands every stored station to {@code action}, streaming (for exports); order is unspecified. */
    void forEach(Consumer<MacStation> action);

    /**
     * One read-modify-write transaction: reads the stored stations of these MACs with row locks, passes them to
     * {@code change} (absent MACs are missing from the map) and saves every station it returns. Deadlocks and lock
     * waits are retried a bounded number of times, so {@code change} may run more than once and must not have side
     * effects.
     */
    default void update(Collection<MacAddress> macs,
                        Function<Map<MacAddress, MacStation>, Collection<MacStation>> change) {
        update(macs, ReportLedger.NONE, (locked, applied) -> change.apply(locked));
    }

    /**
     * The same transaction, recording the ledger's reports as applied in its scope: {@code change} also gets the
     * ledger's reports that an earlier transaction recorded (it leaves their observations out), and the store
     * records the others as it commits. Two transactions that apply one report at once do not both commit it.
     */
    void update(Collection<MacAddress> macs, ReportLedger ledger,
                BiFunction<Map<MacAddress, MacStation>, Set<Long>, Collection<MacStation>> change);
}
