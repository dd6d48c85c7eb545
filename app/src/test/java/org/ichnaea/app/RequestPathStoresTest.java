package org.ichnaea.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.ichnaea.core.CircuitBreaker;
import org.ichnaea.core.StoreUnavailableException;
import org.ichnaea.core.apikey.ApiKey;
import org.ichnaea.core.apikey.ApiKeyStore;
import org.ichnaea.core.station.InMemoryWifiStationStore;
import org.ichnaea.core.station.WifiStationStore;
import org.ichnaea.core.testing.TestStations;
import org.junit.jupiter.api.Test;

/** One fault of any request-path lookup skips every lookup for the window; writes are never skipped. */
class RequestPathStoresTest {

    private final AtomicLong now = new AtomicLong();
    private final RequestPathStores stores = new RequestPathStores(new CircuitBreaker("database (request path)",
            RequestPathStores.SKIP, now::get));

    @Test
    void one_fault_skips_every_lookup_for_the_window_then_a_probe_closes_it() {
        CachingApiKeyStoreTest.CountingStore flaky = new CachingApiKeyStoreTest.CountingStore();
        flaky.save(ApiKey.unlimited("k"));
        ApiKeyStore keys = stores.keys(flaky);
        InMemoryWifiStationStore memory = new InMemoryWifiStationStore();
        WifiStationStore wifi = stores.wifi(memory);
        var station = TestStations.wifi("aa:bb:cc:00:00:01").build();

        flaky.down = true;
        assertThatThrownBy(() -> keys.findByKey("k")).hasMessageContaining("database down");
        // The station store is healthy, but it is the same database: skipped at once.
        assertThatThrownBy(() -> wifi.findAll(List.of(station.mac()))).isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("circuit open");
        assertThatThrownBy(() -> keys.findByKey("k")).hasMessageContaining("circuit open");
        assertThat(flaky.lookups).hasValue(1);
        // Writes pass through.
        wifi.saveAll(List.of(station));
        assertThat(memory.count()).isEqualTo(1);

        flaky.down = false;
        now.addAndGet(RequestPathStores.SKIP.toNanos() + 1);
        assertThat(keys.findByKey("k")).isPresent();
        assertThat(wifi.findAll(List.of(station.mac()))).hasSize(1);
        assertThat(flaky.lookups).hasValue(2);
    }

    @Test
    void without_a_breaker_the_stores_are_used_as_they_are() {
        InMemoryWifiStationStore memory = new InMemoryWifiStationStore();
        assertThat(RequestPathStores.none().wifi(memory)).isSameAs(memory);
        assertThat(RequestPathStores.SKIP).isEqualTo(Duration.ofSeconds(5));
    }
}
