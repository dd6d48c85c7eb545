package org.ichnaea.app;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import org.ichnaea.core.radio.CellAreaId;
import org.ichnaea.core.radio.CellId;
import org.ichnaea.core.radio.MacAddress;
import org.ichnaea.core.station.BlueStationStore;
import org.ichnaea.core.station.CellArea;
import org.ichnaea.core.station.CellAreaStore;
import org.ichnaea.core.station.CellStation;
import org.ichnaea.core.station.CellStationStore;
import org.ichnaea.core.station.ForwardingCellStationStore;
import org.ichnaea.core.station.ForwardingMacStationStore;
import org.ichnaea.core.station.MacStation;
import org.ichnaea.core.station.MacStationStore;
import org.ichnaea.core.station.ReportLedger;
import org.ichnaea.core.station.WifiStationStore;

/**
 * A bounded in-process cache of the station and cell-area lookups a locate makes, on MariaDB/MySQL (docs/benchmarks.md,
 * "Web service"): a hit, found or known absent (most networks a phone sees are in no database), costs no round trip.
 * One cache per process, shared by every decorator it makes: the web tier's lookups fill it, and the writes this
 * process makes through its decorators (the pipeline of {@code serve}, the CLI's imports and deletions) take their
 * keys out after they ran. Writes of other processes (the {@code worker}s) show after at most {@link #TTL}: a station
 * learned by a pipeline run is found up to 10 s later than without the cache. At most {@link #MAX_ENTRIES} keys per
 * kind (about 300 bytes each). On the embedded default the processes of one data directory share a
 * {@link StationGeneration}: every station write of any of them (a {@code process} or an import run beside
 * {@code serve}) advances it, and an answer cached under an older generation is loaded again, so their writes show at
 * once there too.
 */
final class StationNearCache {

    /** How long a lookup's answer is served from the cache. */
    static final Duration TTL = Duration.ofSeconds(10);
    /** Keys kept per kind (Wi-Fi, Bluetooth, cells, cell areas). */
    static final long MAX_ENTRIES = 200_000;

    private final Lookups<MacAddress, MacStation> wifi;
    private final Lookups<MacAddress, MacStation> blue;
    private final Lookups<CellId, CellStation> cells;
    private final Lookups<CellAreaId, CellArea> areas;

    /** Writes of other processes show after {@link #TTL} (MariaDB). */
    StationNearCache() {
        this(StationGeneration.inProcess());
    }

    /** Writes of the processes sharing {@code generation} show at once. */
    StationNearCache(StationGeneration generation) {
        wifi = new Lookups<>(MacStation::mac, generation);
        blue = new Lookups<>(MacStation::mac, generation);
        cells = new Lookups<>(CellStation::id, generation);
        areas = new Lookups<>(CellArea::id, generation);
    }

    /** Every store of {@code rows} behind this cache. */
    Storage.Stations stations(Storage.Stations rows) {
        return new Storage.Stations(wifi(rows.wifi()), blue(rows.blue()), cells(rows.cells()), areas(rows.areas()));
    }

    WifiStationStore wifi(WifiStationStore store) {
        return new Wifi(store, wifi);
    }

    BlueStationStore blue(BlueStationStore store) {
        return new Blue(store, blue);
    }

    CellStationStore cells(CellStationStore store) {
        return new Cells(store, cells);
    }

    CellAreaStore areas(CellAreaStore store) {
        return new Areas(store, areas);
    }

    /** An answer (a value, or none for a key the store does not have) and the generation it was loaded under. */
    private record Answer<V>(long generation, Optional<V> value) {
    }

    /** Keys with their answer. */
    static final class Lookups<K, V> {
        private final Cache<K, Answer<V>> cache = Caffeine.newBuilder().maximumSize(MAX_ENTRIES)
                .expireAfterWrite(TTL).build();
        private final Function<V, K> keyOf;
        private final StationGeneration generation;

        Lookups(Function<V, K> keyOf, StationGeneration generation) {
            this.keyOf = keyOf;
            this.generation = generation;
        }

        /**
         * The values of {@code keys}, the missing ones loaded by {@code load} in one call (a fault caches nothing).
         * The generation is read before the load, so a load that raced a write is tagged with the generation before
         * that write's advance and is not used afterwards.
         */
        List<V> findAll(Collection<K> keys, Function<Collection<K>, List<V>> load) {
            long now = generation.current();
            List<V> found = new ArrayList<>(keys.size());
            List<K> missing = new ArrayList<>();
            for (K key : keys) {
                Answer<V> hit = cache.getIfPresent(key);
                if (hit == null || hit.generation() != now) {
                    missing.add(key);
                } else {
                    hit.value().ifPresent(found::add);
                }
            }
            if (missing.isEmpty()) {
                return found;
            }
            Map<K, V> loaded = new HashMap<>();
            for (V value : load.apply(missing)) {
                loaded.put(keyOf.apply(value), value);
            }
            for (K key : missing) {
                V value = loaded.get(key);
                cache.put(key, new Answer<>(now, Optional.ofNullable(value)));
                if (value != null) {
                    found.add(value);
                }
            }
            return found;
        }

        /** Runs a write of {@code keys}, then takes them out, whether it succeeded or not. */
        void writing(Collection<K> keys, Runnable write) {
            try {
                write.run();
            } finally {
                cache.invalidateAll(keys);
                generation.advance();
            }
        }

        /** The same for a write of {@code values}. */
        void writingValues(Collection<V> values, Runnable write) {
            try {
                write.run();
            } finally {
                for (V value : values) {
                    cache.invalidate(keyOf.apply(value));
                }
                generation.advance();
            }
        }
    }

    private abstract static class Macs extends ForwardingMacStationStore {
        private final Lookups<MacAddress, MacStation> lookups;

        Macs(MacStationStore store, Lookups<MacAddress, MacStation> lookups) {
            super(store);
            this.lookups = lookups;
        }

        @Override
        public List<MacStation> findAll(Collection<MacAddress> macs) {
            return lookups.findAll(macs, super::findAll);
        }

        @Override
        public void saveAll(Collection<MacStation> stations) {
            lookups.writingValues(stations, () -> super.saveAll(stations));
        }

        @Override
        public void deleteAll(Collection<MacAddress> macs) {
            lookups.writing(macs, () -> super.deleteAll(macs));
        }

        @Override
        public void update(Collection<MacAddress> macs, ReportLedger ledger,
                           BiFunction<Map<MacAddress, MacStation>, Set<Long>, Collection<MacStation>> change) {
            lookups.writing(macs, () -> super.update(macs, ledger, change));
        }
    }

    private static final class Wifi extends Macs implements WifiStationStore {
        Wifi(WifiStationStore store, Lookups<MacAddress, MacStation> lookups) {
            super(store, lookups);
        }
    }

    private static final class Blue extends Macs implements BlueStationStore {
        Blue(BlueStationStore store, Lookups<MacAddress, MacStation> lookups) {
            super(store, lookups);
        }
    }

    private static final class Cells extends ForwardingCellStationStore {
        private final Lookups<CellId, CellStation> lookups;

        Cells(CellStationStore store, Lookups<CellId, CellStation> lookups) {
            super(store);
            this.lookups = lookups;
        }

        @Override
        public List<CellStation> findAll(Collection<CellId> ids) {
            return lookups.findAll(ids, delegate()::findAll);
        }

        @Override
        public void saveAll(Collection<CellStation> stations) {
            lookups.writingValues(stations, () -> delegate().saveAll(stations));
        }

        @Override
        public void deleteAll(Collection<CellId> ids) {
            lookups.writing(ids, () -> delegate().deleteAll(ids));
        }

        @Override
        public void update(Collection<CellId> ids, ReportLedger ledger,
                           BiFunction<Map<CellId, CellStation>, Set<Long>, Collection<CellStation>> change) {
            lookups.writing(ids, () -> delegate().update(ids, ledger, change));
        }
    }

    private record Areas(CellAreaStore store, Lookups<CellAreaId, CellArea> lookups) implements CellAreaStore {
        @Override
        public List<CellArea> findAll(Collection<CellAreaId> ids) {
            return lookups.findAll(ids, store::findAll);
        }

        @Override
        public void saveAll(Collection<CellArea> saved) {
            lookups.writingValues(saved, () -> store.saveAll(saved));
        }

        @Override
        public void deleteAll(Collection<CellAreaId> ids) {
            lookups.writing(ids, () -> store.deleteAll(ids));
        }

        @Override
        public long count() {
            return store.count();
        }

        @Override
        public void forEach(Consumer<CellArea> action) {
            store.forEach(action);
        }
    }
}
