package org.ichnaea.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import org.ichnaea.core.StoreUnavailableException;
import org.ichnaea.core.radio.MacAddress;
import org.ichnaea.core.station.ForwardingMacStationStore;
import org.ichnaea.core.station.InMemoryWifiStationStore;
import org.ichnaea.core.station.MacStation;
import org.ichnaea.core.station.MacStationStore;
import org.ichnaea.core.station.ReportLedger;
import org.ichnaea.core.station.StationSource;
import org.ichnaea.core.testing.TestClock;
import org.ichnaea.core.testing.TestRegions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The shard transactions of a batch, one after the other or side by side on a runner. */
class StationUpdaterTest {

    /** Helpers for 4 shard threads: the caller is the fourth. */
    private final ExecutorService runner = Executors.newFixedThreadPool(3);

    @AfterEach
    void stop() throws InterruptedException {
        runner.shutdownNow();
        assertThat(runner.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    /** 200 networks over all 16 shards, 1 to 3 observations each from 50 reports near Berlin (ids unique to the seed). */
    private static Map<MacAddress, List<StationObservation>> batch(int seed) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        Map<MacAddress, List<StationObservation>> obs = new LinkedHashMap<>();
        for (int i = 0; i < 200; i++) {
            MacAddress mac = MacAddress.of(String.format("02:00:%x0:%02x:00:01", i % 16, i / 16));
            List<StationObservation> list = new ArrayList<>();
            for (int n = 0; n <= i % 3; n++) {
                list.add(new StationObservation(52.5 + random.nextDouble() * 0.001, 13.4 + random.nextDouble() * 0.001,
                        1.0, StationSource.GNSS, seed * 1000L + random.nextInt(50)));
            }
            obs.put(mac, list);
        }
        return obs;
    }

    private static Map<String, Object> contents(MacStationStore store) {
        Map<String, Object> out = new TreeMap<>();
        store.forEach(s -> out.put(s.mac().toString(), s.data()));
        return out;
    }

    @Test
    void side_by_side_shards_leave_the_same_stations_and_counts_as_one_after_the_other() {
        InMemoryWifiStationStore sequential = new InMemoryWifiStationStore();
        InMemoryWifiStationStore parallel = new InMemoryWifiStationStore();
        Map<StationAction, Integer> countsSequential = StationUpdater.emptyCounts();
        Map<StationAction, Integer> countsParallel = StationUpdater.emptyCounts();
        int[] appliedSequential = new int[1];
        int[] appliedParallel = new int[1];
        StationUpdater one = new StationUpdater(TestRegions.some(), TestClock.fixed());
        StationUpdater many = new StationUpdater(TestRegions.some(), TestClock.fixed(), runner, 4);

        for (int seed : new int[] {1, 2, 3}) {
            one.updateMacs(StationKind.WIFI, sequential, batch(seed), countsSequential, appliedSequential);
            many.updateMacs(StationKind.WIFI, parallel, batch(seed), countsParallel, appliedParallel);
        }

        assertThat(sequential.count()).isEqualTo(200);
        assertThat(contents(parallel)).isEqualTo(contents(sequential));
        assertThat(countsParallel).isEqualTo(countsSequential);
        assertThat(appliedParallel[0]).isEqualTo(appliedSequential[0]).isEqualTo(3 * (67 * 1 + 67 * 2 + 66 * 3));
        assertThat(countsParallel.get(StationAction.NEW)).isEqualTo(200);
    }

    @Test
    void shard_transactions_run_side_by_side_on_the_runner() {
        // Every shard transaction waits until four (the caller and three helpers) are inside the store at once: one
        // after the other, the first would wait in vain and fail the batch.
        CountDownLatch inside = new CountDownLatch(4);
        Gate store = new Gate(new InMemoryWifiStationStore()) {
            @Override
            void before(Collection<MacAddress> macs) {
                inside.countDown();
                try {
                    if (!inside.await(10, TimeUnit.SECONDS)) {
                        throw new StoreUnavailableException("the shard transactions ran one after the other");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new StoreUnavailableException("interrupted");
                }
            }
        };
        int[] applied = new int[1];

        new StationUpdater(TestRegions.some(), TestClock.fixed(), runner, 4)
                .updateMacs(StationKind.WIFI, store, batch(1), StationUpdater.emptyCounts(), applied);

        assertThat(store.store.count()).isEqualTo(200);
        assertThat(applied[0]).isEqualTo(67 * 1 + 67 * 2 + 66 * 3);
    }

    @Test
    void a_failed_shard_fails_the_batch_only_after_the_others_finished_and_counts_only_what_committed() {
        AtomicInteger finished = new AtomicInteger();
        CountDownLatch failed = new CountDownLatch(1);
        Gate store = new Gate(new InMemoryWifiStationStore()) {
            @Override
            void before(Collection<MacAddress> macs) {
                if (macs.iterator().next().shard() == 3) {
                    failed.countDown();
                    throw new StoreUnavailableException("shard 3 is down");
                }
                try {
                    // The other shards are still at work when shard 3 has failed.
                    failed.await(10, TimeUnit.SECONDS);
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }

            @Override
            void after() {
                finished.incrementAndGet();
            }
        };
        Map<MacAddress, List<StationObservation>> obs = batch(1);
        Map<StationAction, Integer> counts = StationUpdater.emptyCounts();
        int[] applied = new int[1];

        assertThatThrownBy(() -> new StationUpdater(TestRegions.some(), TestClock.fixed(), runner, 4)
                .updateMacs(StationKind.WIFI, store, obs, counts, applied))
                .isInstanceOf(StoreUnavailableException.class).hasMessage("shard 3 is down");

        assertThat(finished.get()).as("every other shard committed before the batch failed").isEqualTo(15);
        int shard3 = obs.entrySet().stream().filter(e -> e.getKey().shard() == 3)
                .mapToInt(e -> e.getValue().size()).sum();
        assertThat(shard3).isPositive();
        assertThat(applied[0]).isEqualTo(67 * 1 + 67 * 2 + 66 * 3 - shard3);
        assertThat(store.store.count()).isEqualTo(200 - obs.keySet().stream().filter(m -> m.shard() == 3).count());
        assertThat(counts.get(StationAction.NEW)).isEqualTo(store.store.count());
    }

    @Test
    void a_runner_that_takes_no_more_work_leaves_the_shards_to_the_calling_thread() {
        ExecutorService stopped = Executors.newSingleThreadExecutor();
        stopped.shutdown();
        Set<String> threads = ConcurrentHashMap.newKeySet();
        Gate store = new Gate(new InMemoryWifiStationStore()) {
            @Override
            void before(Collection<MacAddress> macs) {
                threads.add(Thread.currentThread().getName());
            }
        };
        int[] applied = new int[1];

        new StationUpdater(TestRegions.some(), TestClock.fixed(), stopped, 4)
                .updateMacs(StationKind.WIFI, store, batch(2), StationUpdater.emptyCounts(), applied);

        assertThat(threads).containsExactly(Thread.currentThread().getName());
        assertThat(store.store.count()).isEqualTo(200);
    }

    @Test
    // On a thread of its own: the wait for the shards does not give way to the interrupt of a same-thread timeout.
    @org.junit.jupiter.api.Timeout(value = 30, threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
    void helpers_that_never_run_leave_every_shard_to_the_caller_instead_of_hanging() {
        // A runner that accepts work and drops it, as a pool's shutdownNow drops its queue.
        java.util.concurrent.Executor dropping = task -> { };
        InMemoryWifiStationStore store = new InMemoryWifiStationStore();
        int[] applied = new int[1];

        new StationUpdater(TestRegions.some(), TestClock.fixed(), dropping, 4)
                .updateMacs(StationKind.WIFI, store, batch(3), StationUpdater.emptyCounts(), applied);

        assertThat(store.count()).isEqualTo(200);
        assertThat(applied[0]).isEqualTo(67 * 1 + 67 * 2 + 66 * 3);
    }

    @Test
    void every_failed_shard_is_reported_the_first_with_the_others_suppressed() {
        Gate store = new Gate(new InMemoryWifiStationStore()) {
            @Override
            void before(Collection<MacAddress> macs) {
                int shard = macs.iterator().next().shard();
                if (shard == 2 || shard == 9) {
                    throw new StoreUnavailableException("shard " + shard + " is down");
                }
            }
        };

        assertThatThrownBy(() -> new StationUpdater(TestRegions.some(), TestClock.fixed(), runner, 4)
                .updateMacs(StationKind.WIFI, store, batch(4), StationUpdater.emptyCounts(), new int[1]))
                .isInstanceOf(StoreUnavailableException.class)
                .satisfies(e -> {
                    assertThat(e.getSuppressed()).hasSize(1);
                    assertThat(java.util.List.of(e.getMessage(), e.getSuppressed()[0].getMessage()))
                            .containsExactly("shard 2 is down", "shard 9 is down");
                });
        assertThat(store.store.count()).as("13 networks in shard 2, 12 in shard 9").isEqualTo(200 - 13 - 12);
    }

    /** A store whose locked update runs {@link #before} first and {@link #after} once it committed. */
    private abstract static class Gate extends ForwardingMacStationStore {
        final InMemoryWifiStationStore store;

        Gate(InMemoryWifiStationStore store) {
            super(store);
            this.store = store;
        }

        abstract void before(Collection<MacAddress> macs);

        void after() {
        }

        @Override
        public void update(Collection<MacAddress> macs, ReportLedger ledger,
                BiFunction<Map<MacAddress, MacStation>, Set<Long>, Collection<MacStation>> change) {
            before(macs);
            super.update(macs, ledger, change);
            after();
        }
    }
}
