package org.ichnaea.core.evaluate;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.ichnaea.core.radio.MacAddress;
import org.ichnaea.core.station.BlueStationStore;
import org.ichnaea.core.station.MacStation;
import org.ichnaea.core.station.ForwardingMacStationStore;
import org.ichnaea.core.station.MacStationStore;
import org.ichnaea.core.station.WifiStationStore;

/**
 * The order in which the locate engine gets the Wi-Fi and Bluetooth stations it looked up. The store port promises no
 * order, but the engine's answer depends on it: when a cluster has more networks than it may use, it keeps the
 * highest-scoring ones, and stations of equal score (common: the sample weight is capped, so every well-observed
 * station of one age scores the same) keep the order the store gave them. docs/accuracy.md shows what it changes.
 */
public enum LookupOrder {

    /**
     * As the database stores of the server answer: by shard (the fifth hex digit of the MAC), then by MAC, since each
     * shard table is read by its primary key. The evaluation's default, so that it measures what the service answers.
     */
    DATABASE,

    /** As the in-memory stores answer: in the order of the query's networks (after normalisation). */
    QUERY;

    private static final Comparator<MacStation> SHARD_THEN_MAC = Comparator
            .comparingInt((MacStation s) -> s.mac().shard()).thenComparing(MacStation::mac);

    /** The Wi-Fi store as the engine should see it in this order. */
    public WifiStationStore wifi(WifiStationStore store) {
        return this == QUERY ? store : new OrderedWifi(store);
    }

    /** The Bluetooth store as the engine should see it in this order. */
    public BlueStationStore blue(BlueStationStore store) {
        return this == QUERY ? store : new OrderedBlue(store);
    }

    /** A store that answers lookups by shard, then MAC. */
    private abstract static class Ordered extends ForwardingMacStationStore {
        Ordered(MacStationStore delegate) {
            super(delegate);
        }

        @Override
        public List<MacStation> findAll(Collection<MacAddress> macs) {
            List<MacStation> found = delegate().findAll(macs);
            found.sort(SHARD_THEN_MAC);
            return found;
        }
    }

    private static final class OrderedWifi extends Ordered implements WifiStationStore {
        OrderedWifi(WifiStationStore delegate) {
            super(delegate);
        }
    }

    private static final class OrderedBlue extends Ordered implements BlueStationStore {
        OrderedBlue(BlueStationStore delegate) {
            super(delegate);
        }
    }
}
