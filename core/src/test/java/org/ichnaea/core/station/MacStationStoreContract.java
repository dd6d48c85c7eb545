package org.ichnaea.core.station;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.ichnaea.core.radio.MacAddress;
import org.ichnaea.core.testing.TestClock;
import org.ichnaea.core.testing.TestStations;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every Wi-Fi and Bluetooth store does; run against the fake and each real adapter. */
public abstract class MacStationStoreContract {

    protected MacStationStore store;

    /** A new, empty store. */
    protected abstract MacStationStore newStore();

    @BeforeEach
    void createStore() {
        store = newStore();
    }

    @Test
    void finds_nothing_in_an_empty_store() {
        assertThat(store.findAll(List.of(MacAddress.of("aa:bb:cc:00:00:01")))).isEmpty();
        assertThat(store.count()).isZero();
    }

    @Test
    void gives_back_every_field_it_saved() {
        MacStation full = new MacStation(MacAddress.of("aa:bb:cc:00:00:01"), new StationData(51.5, -0.1, 51.51,
                51.49, -0.09, -0.11, 1234, "GB", 17L, StationSource.QUERY, 12.5, TestClock.daysAgo(40),
                TestClock.daysAgo(3), LocalDate.of(2026, 6, 14), LocalDate.of(2026, 1, 2), LocalDate.of(2026, 3, 4),
                2));
        MacStation empty = new MacStation(MacAddress.of("aa:bb:cc:00:00:02"), new StationData(null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null));
        store.saveAll(List.of(full, empty));

        assertThat(store.findAll(List.of(full.mac(), empty.mac())))
                .containsExactlyInAnyOrder(full, empty);
        assertThat(store.count()).isEqualTo(2);
    }

    @Test
    void finds_only_the_asked_macs_across_shards() {
        List<MacStation> stations = new ArrayList<>();
        for (int shard = 0; shard < 16; shard++) {
            String mac = String.format("aabb%x00000%02x", shard, shard);
            stations.add(TestStations.wifi(mac).at(50 + shard * 0.1, 10).build());
        }
        store.saveAll(stations);

        List<MacStation> found = store.findAll(List.of(stations.get(3).mac(), stations.get(12).mac(),
                MacAddress.of("aabb30000099")));

        assertThat(found).containsExactlyInAnyOrder(stations.get(3), stations.get(12));
        assertThat(Set.of(stations.get(3).mac().shard(), stations.get(12).mac().shard())).containsExactlyInAnyOrder(3, 12);
    }

    @Test
    void saving_again_replaces_the_station() {
        MacStation first = TestStations.wifi("aa:bb:cc:00:00:01").at(1, 1).build();
        MacStation moved = TestStations.wifi("aa:bb:cc:00:00:01").at(2, 2).samples(5).build();
        store.saveAll(List.of(first));
        store.saveAll(List.of(moved));

        assertThat(store.findAll(List.of(first.mac()))).containsExactly(moved);
        assertThat(store.count()).isEqualTo(1);
    }

    @Test
    void deletes_only_the_named_stations() {
        MacStation a = TestStations.wifi("aa:bb:cc:00:00:01").build();
        MacStation b = TestStations.wifi("aa:bb:cc:00:00:02").build();
        store.saveAll(List.of(a, b));

        store.deleteAll(List.of(a.mac(), MacAddress.of("aa:bb:cc:00:00:09")));

        assertThat(store.findAll(List.of(a.mac(), b.mac()))).containsExactly(b);
    }

    @Test
    void streams_every_station() {
        List<MacStation> stations = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            stations.add(TestStations.wifi(String.format("aabbcc%06x", i * 0x10101)).at(50, i * 0.01).build());
        }
        store.saveAll(stations);
        List<MacStation> seen = new ArrayList<>();
        store.forEach(seen::add);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(stations);
    }

    @Test
    void update_sees_the_stored_stations_and_saves_what_it_returns() {
        MacStation known = TestStations.wifi("aa:bb:cc:00:00:01").at(1, 1).samples(3).build();
        store.saveAll(List.of(known));
        MacAddress unknown = MacAddress.of("aa:bb:cc:00:00:02");

        store.update(List.of(known.mac(), unknown), locked -> {
            assertThat(locked).containsOnlyKeys(known.mac());
            MacStation old = locked.get(known.mac());
            return List.of(new MacStation(old.mac(), old.data().withSamples(old.data().samples() + 1, 20)),
                    TestStations.wifi("aa:bb:cc:00:00:02").at(2, 2).build());
        });

        assertThat(store.findAll(List.of(known.mac()))).singleElement()
                .satisfies(s -> assertThat(s.data().samples()).isEqualTo(4));
        assertThat(store.findAll(List.of(unknown))).hasSize(1);
    }

    @Test
    void concurrent_updates_of_one_station_lose_no_increment() throws Exception {
        MacStation station = TestStations.wifi("aa:bb:cc:00:00:01").samples(0).build();
        store.saveAll(List.of(station));
        int threads = 4;
        int increments = 25;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < increments; i++) {
                        store.update(List.of(station.mac()), locked -> {
                            MacStation old = locked.get(station.mac());
                            return List.of(new MacStation(old.mac(), old.data().withSamples(
                                    old.data().samples() + 1, old.data().radius())));
                        });
                    }
                }));
            }
            for (java.util.concurrent.Future<?> f : futures) {
                f.get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.findAll(List.of(station.mac()))).singleElement()
                .satisfies(s -> assertThat(s.data().samples()).isEqualTo((long) threads * increments));
    }

    @Test
    void concurrent_first_updates_of_a_new_station_lose_no_increment() throws Exception {
        // Two workers meeting a network neither has seen: a locking read cannot lock a row that does not exist
        // yet, so both may decide to create it; the second must merge into the first, not overwrite it.
        MacAddress mac = MacAddress.of("aa:bb:cc:00:00:07");
        MacStation template = TestStations.wifi("aa:bb:cc:00:00:07").samples(1).build();
        int threads = 4;
        int increments = 25;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(threads);
        try {
            List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    start.await(10, java.util.concurrent.TimeUnit.SECONDS);
                    for (int i = 0; i < increments; i++) {
                        store.update(List.of(mac), locked -> {
                            MacStation old = locked.get(mac);
                            return List.of(old == null ? template : new MacStation(mac, old.data().withSamples(
                                    old.data().samples() + 1, old.data().radius())));
                        });
                    }
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> f : futures) {
                f.get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.findAll(List.of(mac))).singleElement()
                .satisfies(s -> assertThat(s.data().samples()).isEqualTo((long) threads * increments));
    }

    @Test
    void a_station_created_meanwhile_by_another_update_is_merged_not_overwritten() throws Exception {
        MacAddress mac = MacAddress.of("aa:bb:cc:00:00:08");
        MacStation template = TestStations.wifi("aa:bb:cc:00:00:08").samples(1).build();
        java.util.concurrent.CountDownLatch firstRead = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch otherDone = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean first = new java.util.concurrent.atomic.AtomicBoolean(true);
        java.util.function.Function<java.util.Map<MacAddress, MacStation>, java.util.Collection<MacStation>> add =
                locked -> {
                    MacStation old = locked.get(mac);
                    return List.of(old == null ? template : new MacStation(mac, old.data().withSamples(
                            old.data().samples() + 1, old.data().radius())));
                };
        // A reads the station as absent, then waits (bounded) while B creates it; stores that serialise updates
        // make B wait for A instead, which gives the same total.
        Thread a = new Thread(() -> store.update(List.of(mac), locked -> {
            if (first.getAndSet(false)) {
                firstRead.countDown();
                try {
                    otherDone.await(2, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return add.apply(locked);
        }));
        a.start();
        assertThat(firstRead.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        Thread b = new Thread(() -> {
            store.update(List.of(mac), add);
            otherDone.countDown();
        });
        b.start();
        a.join(20_000);
        b.join(20_000);

        assertThat(store.findAll(List.of(mac))).singleElement()
                .satisfies(s -> assertThat(s.data().samples()).as("both updates count").isEqualTo(2));
    }

    @Test
    void an_empty_lookup_finds_nothing() {
        store.saveAll(List.of(TestStations.wifi("aa:bb:cc:00:00:01").build()));
        assertThat(store.findAll(List.of())).isEmpty();
    }
}
