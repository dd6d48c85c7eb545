package org.ichnaea.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.ichnaea.core.StoreUnavailableException;
import org.ichnaea.core.radio.MacAddress;
import org.ichnaea.core.station.ForwardingMacStationStore;
import org.ichnaea.core.station.InMemoryWifiStationStore;
import org.ichnaea.core.station.MacStation;
import org.ichnaea.core.station.ReportLedger;
import org.ichnaea.core.station.WifiStationStore;
import org.ichnaea.core.testing.TestStations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The near cache of the web tier's station lookups (docs/benchmarks.md, "Web service"). */
class StationNearCacheTest {

    /** The in-memory store, counting the lookups that reach it; down while {@code down} is set. */
    static final class Rows extends ForwardingMacStationStore implements WifiStationStore {
        final InMemoryWifiStationStore store;
        final AtomicInteger lookups = new AtomicInteger();
        final AtomicBoolean down = new AtomicBoolean();

        Rows() {
            this(new InMemoryWifiStationStore());
        }

        private Rows(InMemoryWifiStationStore store) {
            super(store);
            this.store = store;
        }

        @Override
        public List<MacStation> findAll(Collection<MacAddress> macs) {
            lookups.incrementAndGet();
            if (down.get()) {
                throw new StoreUnavailableException("database down");
            }
            return store.findAll(macs);
        }
    }

    private static final MacAddress KNOWN = MacAddress.of("a1:00:00:00:00:01");
    private static final MacAddress UNKNOWN = MacAddress.of("a1:00:00:00:00:02");

    @Test
    void answers_found_and_absent_networks_from_memory_after_one_lookup() {
        Rows rows = new Rows();
        rows.saveAll(List.of(TestStations.wifi("a1:00:00:00:00:01").at(52.5, 13.4).build()));
        WifiStationStore web = new StationNearCache().wifi(rows);

        assertThat(web.findAll(List.of(KNOWN, UNKNOWN))).extracting(MacStation::mac).containsExactly(KNOWN);
        assertThat(web.findAll(List.of(UNKNOWN, KNOWN))).extracting(MacStation::mac).containsExactly(KNOWN);
        assertThat(web.findAll(List.of(UNKNOWN))).isEmpty();
        assertThat(rows.lookups).as("one round trip for both, none after").hasValue(1);
    }

    @Test
    void writes_of_this_process_take_their_networks_out_for_every_user_of_the_cache() {
        Rows rows = new Rows();
        StationNearCache near = new StationNearCache();
        WifiStationStore web = near.wifi(rows);
        WifiStationStore pipeline = near.wifi(rows);
        assertThat(web.findAll(List.of(KNOWN))).isEmpty();

        pipeline.update(List.of(KNOWN), ReportLedger.NONE,
                (locked, applied) -> List.of(TestStations.wifi("a1:00:00:00:00:01").at(52.5, 13.4).build()));
        assertThat(web.findAll(List.of(KNOWN))).as("learned by this process's pipeline").hasSize(1);

        pipeline.deleteAll(List.of(KNOWN));
        assertThat(web.findAll(List.of(KNOWN))).isEmpty();

        pipeline.saveAll(List.of(TestStations.wifi("a1:00:00:00:00:01").at(48.8, 2.3).build()));
        assertThat(web.findAll(List.of(KNOWN))).singleElement()
                .satisfies(s -> assertThat(s.data().lat()).isEqualTo(48.8));
        assertThat(rows.lookups).hasValue(4);
    }

    @Test
    void a_failed_lookup_caches_nothing() {
        Rows rows = new Rows();
        WifiStationStore web = new StationNearCache().wifi(rows);
        rows.down.set(true);
        assertThatThrownBy(() -> web.findAll(List.of(KNOWN))).isInstanceOf(StoreUnavailableException.class);
        rows.down.set(false);
        rows.saveAll(List.of(TestStations.wifi("a1:00:00:00:00:01").at(52.5, 13.4).build()));
        assertThat(web.findAll(List.of(KNOWN))).hasSize(1);
        assertThat(rows.lookups).hasValue(2);
    }

    @Test
    void writes_of_another_process_on_the_same_data_directory_show_at_once(@TempDir Path dir) throws Exception {
        // Two processes of one embedded data directory: one H2 database (the rows), each with its own cache, sharing
        // only the mapped generation file (each maps it itself, as a second JVM would).
        Rows rows = new Rows();
        Path file = dir.resolve("stations.generation");
        WifiStationStore serve = new StationNearCache(StationGeneration.mapped(file)).wifi(rows);
        WifiStationStore process = new StationNearCache(StationGeneration.mapped(file)).wifi(rows);
        assertThat(serve.findAll(List.of(KNOWN))).isEmpty();
        assertThat(serve.findAll(List.of(KNOWN))).isEmpty();
        assertThat(rows.lookups).as("cached while nothing was written").hasValue(1);

        process.update(List.of(KNOWN), ReportLedger.NONE,
                (locked, applied) -> List.of(TestStations.wifi("a1:00:00:00:00:01").at(52.5, 13.4).build()));
        assertThat(serve.findAll(List.of(KNOWN))).as("learned by the process beside it").hasSize(1);
        process.deleteAll(List.of(KNOWN));
        assertThat(serve.findAll(List.of(KNOWN))).isEmpty();
        assertThat(Files.size(file)).isEqualTo(Long.BYTES);
    }

    @Test
    void a_lookup_that_raced_a_write_is_not_served_after_it(@TempDir Path dir) throws Exception {
        Rows rows = new Rows();
        StationGeneration generation = StationGeneration.mapped(dir.resolve("stations.generation"));
        StationNearCache.Lookups<MacAddress, MacStation> lookups = new StationNearCache.Lookups<>(MacStation::mac,
                generation);
        // The load reads the rows before another process's write commits, and is cached after that write's advance.
        assertThat(lookups.findAll(List.of(KNOWN), keys -> {
            List<MacStation> before = rows.findAll(keys);
            rows.saveAll(List.of(TestStations.wifi("a1:00:00:00:00:01").at(52.5, 13.4).build()));
            generation.advance();
            return before;
        })).isEmpty();
        assertThat(lookups.findAll(List.of(KNOWN), rows::findAll)).as("loaded again").hasSize(1);
    }
}
