package org.ichnaea.app;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.ichnaea.core.CircuitBreaker;
import org.ichnaea.core.apikey.ApiKey;
import org.ichnaea.core.apikey.ApiKeyStore;
import org.ichnaea.core.radio.CellAreaId;
import org.ichnaea.core.radio.CellId;
import org.ichnaea.core.radio.MacAddress;
import org.ichnaea.core.station.BlueStationStore;
import org.ichnaea.core.station.CellArea;
import org.ichnaea.core.station.CellAreaStore;
import org.ichnaea.core.station.CellStation;
import org.ichnaea.core.station.CellStationStore;
import org.ichnaea.core.station.ForwardingCellStationStore;
import org.ichnaea.core.station.MacStation;
import org.ichnaea.core.station.ForwardingMacStationStore;
import org.ichnaea.core.station.MacStationStore;
import org.ichnaea.core.station.WifiStationStore;

/**
 * The web tier's database reads (station, cell area and API key lookups) behind one {@link CircuitBreaker}: a
 * lookup that fails as a store fault (the web pool's 1.5 s socket timeout on a stalled MariaDB, or its 1 s
 * connection timeout on a dead one) skips every lookup of the request path for {@link #SKIP}, so a frozen database
 * costs one request 1.5 s, not every request 1.5 s per lookup. Skipped lookups fail at once as store faults, which
 * the callers already handle (locate degrades to GeoIP, an unknown key gets the permissive default). After the
 * window one lookup at a time probes the database; one answer closes the breaker. Writes, counts and scans pass
 * straight through: the web tier does not make them, and workers must see their own faults.
 */
final class RequestPathStores {

    /** How long the request path skips the database after a fault. */
    static final Duration SKIP = Duration.ofSeconds(5);

    private final CircuitBreaker breaker;

    /** @param breaker the breaker every lookup goes through; null: the stores are used as they are */
    RequestPathStores(CircuitBreaker breaker) {
        this.breaker = breaker;
    }

    /** The breaker for a networked database (MariaDB/MySQL). */
    static RequestPathStores database() {
        return new RequestPathStores(new CircuitBreaker("database (request path)", SKIP));
    }

    /** No breaker: the embedded H2 runs in the process and does not stall on a network. */
    static RequestPathStores none() {
        return new RequestPathStores(null);
    }

    WifiStationStore wifi(WifiStationStore store) {
        return breaker == null ? store : new Wifi(store, breaker);
    }

    BlueStationStore blue(BlueStationStore store) {
        return breaker == null ? store : new Blue(store, breaker);
    }

    CellStationStore cells(CellStationStore store) {
        return breaker == null ? store : new Cells(store, breaker);
    }

    CellAreaStore areas(CellAreaStore store) {
        return breaker == null ? store : new Areas(store, breaker);
    }

    ApiKeyStore keys(ApiKeyStore store) {
        return breaker == null ? store : new Keys(store, breaker);
    }

    Storage.Stations stations(Storage.Stations stores) {
        return new Storage.Stations(wifi(stores.wifi()), blue(stores.blue()), cells(stores.cells()),
                areas(stores.areas()));
    }

    private abstract static class Macs extends ForwardingMacStationStore {
        private final CircuitBreaker breaker;

        Macs(MacStationStore store, CircuitBreaker breaker) {
            super(store);
            this.breaker = breaker;
        }

        @Override
        public List<MacStation> findAll(Collection<MacAddress> macs) {
            return breaker.call(() -> delegate().findAll(macs));
        }
    }

    private static final class Wifi extends Macs implements WifiStationStore {
        Wifi(WifiStationStore store, CircuitBreaker breaker) {
            super(store, breaker);
        }
    }

    private static final class Blue extends Macs implements BlueStationStore {
        Blue(BlueStationStore store, CircuitBreaker breaker) {
            super(store, breaker);
        }
    }

    private static final class Cells extends ForwardingCellStationStore {
        private final CircuitBreaker breaker;

        Cells(CellStationStore store, CircuitBreaker breaker) {
            super(store);
            this.breaker = breaker;
        }

        @Override
        public List<CellStation> findAll(Collection<CellId> ids) {
            return breaker.call(() -> delegate().findAll(ids));
        }

        @Override
        public List<CellStation> findByArea(CellAreaId area) {
            return breaker.call(() -> delegate().findByArea(area));
        }

        @Override
        public List<CellStation> findSite(CellId cell) {
            return breaker.call(() -> delegate().findSite(cell));
        }
    }

    private record Areas(CellAreaStore store, CircuitBreaker breaker) implements CellAreaStore {
        @Override
        public List<CellArea> findAll(Collection<CellAreaId> ids) {
            return breaker.call(() -> store.findAll(ids));
        }

        @Override
        public void saveAll(Collection<CellArea> areas) {
            store.saveAll(areas);
        }

        @Override
        public void deleteAll(Collection<CellAreaId> ids) {
            store.deleteAll(ids);
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

    private record Keys(ApiKeyStore store, CircuitBreaker breaker) implements ApiKeyStore {
        @Override
        public Optional<ApiKey> findByKey(String key) {
            return breaker.call(() -> store.findByKey(key));
        }

        @Override
        public List<ApiKey> findAll() {
            return store.findAll();
        }

        @Override
        public void save(ApiKey key) {
            store.save(key);
        }

        @Override
        public boolean delete(String key) {
            return store.delete(key);
        }
    }
}
