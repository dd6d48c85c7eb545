package org.ichnaea.core.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.ichnaea.core.StoreUnavailableException;
import org.ichnaea.core.submit.IncomingReport;
import org.ichnaea.core.testing.TestReports;
import org.junit.jupiter.api.Test;

class GroupCommitQueueTest extends DataQueueContract {

    private InMemoryDataQueue<IncomingReport> target;

    @Override
    protected DataQueue<IncomingReport> newQueue() {
        target = new InMemoryDataQueue<>();
        return new GroupCommitQueue<>(target);
    }

    @Override
    protected DataQueue<IncomingReport> sameQueue(String owner, Duration lease) {
        return new GroupCommitQueue<>(target.handle(owner, lease));
    }

    /** The queue below: counts its writes, each held until {@code gate} opens. */
    private static final class SlowQueue extends ForwardingDataQueue<IncomingReport> {
        final AtomicInteger writes = new AtomicInteger();
        final CountDownLatch firstWriteStarted = new CountDownLatch(1);
        final CountDownLatch gate = new CountDownLatch(1);
        final List<Integer> sizes = new java.util.concurrent.CopyOnWriteArrayList<>();
        /** The first write fails after the gate opens. */
        volatile boolean failFirst;

        SlowQueue() {
            super(new InMemoryDataQueue<>());
        }

        @Override
        public void enqueue(List<IncomingReport> items) {
            int n = writes.incrementAndGet();
            sizes.add(items.size());
            firstWriteStarted.countDown();
            try {
                assertThat(gate.await(10, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            if (failFirst && n == 1) {
                throw new StoreUnavailableException("queue down");
            }
            super.enqueue(items);
        }
    }

    @Test
    void callers_that_arrive_during_a_write_share_the_next_one_and_each_returns_once_its_items_are_stored()
            throws Exception {
        SlowQueue below = new SlowQueue();
        GroupCommitQueue<IncomingReport> queue = new GroupCommitQueue<>(below);
        ExecutorService pool = Executors.newFixedThreadPool(9);
        try {
            Future<?> first = pool.submit(() -> queue.enqueue(List.of(TestReports.full(0))));
            assertThat(below.firstWriteStarted.await(10, TimeUnit.SECONDS)).isTrue();
            List<Future<?>> others = new ArrayList<>();
            for (int i = 1; i <= 8; i++) {
                int n = i;
                others.add(pool.submit(() -> queue.enqueue(
                        List.of(TestReports.full(2 * n), TestReports.full(2 * n + 1)))));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> queue.waiting() == 8);
            assertThat(first.isDone()).as("still writing").isFalse();
            assertThat(others).noneMatch(Future::isDone);
            assertThat(below.size()).isZero();
            below.gate.countDown();
            first.get(10, TimeUnit.SECONDS);
            for (Future<?> f : others) {
                f.get(10, TimeUnit.SECONDS);
            }
            assertThat(below.size()).isEqualTo(17);
            assertThat(below.writes).as("the first write, then one for the eight that waited").hasValue(2);
            assertThat(below.sizes).containsExactly(1, 16);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_failed_write_fails_only_the_callers_in_it_and_the_next_write_goes_ahead() throws Exception {
        SlowQueue below = new SlowQueue();
        below.failFirst = true;
        GroupCommitQueue<IncomingReport> queue = new GroupCommitQueue<>(below);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Future<?> first = pool.submit(() -> queue.enqueue(List.of(TestReports.full(0))));
            assertThat(below.firstWriteStarted.await(10, TimeUnit.SECONDS)).isTrue();
            List<Future<?>> others = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                int n = i;
                others.add(pool.submit(() -> queue.enqueue(List.of(TestReports.full(n)))));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> queue.waiting() == 3);
            below.gate.countDown();
            assertThatThrownBy(() -> first.get(10, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(StoreUnavailableException.class);
            for (Future<?> f : others) {
                f.get(10, TimeUnit.SECONDS); // their shared write, the second, succeeded
            }
            assertThat(below.writes).hasValue(2);
            assertThat(below.dequeue(10)).containsExactlyInAnyOrder(TestReports.full(1), TestReports.full(2),
                    TestReports.full(3));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void an_interrupted_caller_does_not_write_with_its_interrupt_flag_set() {
        List<Boolean> flags = new ArrayList<>();
        InMemoryDataQueue<IncomingReport> stored = new InMemoryDataQueue<>();
        DataQueue<IncomingReport> below = new ForwardingDataQueue<>(stored) {
            @Override
            public void enqueue(List<IncomingReport> items) {
                flags.add(Thread.currentThread().isInterrupted());
                stored.enqueue(items);
            }
        };
        Thread.currentThread().interrupt();
        try {
            new GroupCommitQueue<>(below).enqueue(List.of(TestReports.full(1)));
            assertThat(Thread.currentThread().isInterrupted()).as("set again after the write").isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(flags).containsExactly(false);
        assertThat(stored.size()).isEqualTo(1);
    }

    @Test
    void many_concurrent_callers_lose_nothing_and_large_groups_are_split() throws Exception {
        InMemoryDataQueue<IncomingReport> stored = new InMemoryDataQueue<>();
        java.util.concurrent.atomic.AtomicInteger largest = new java.util.concurrent.atomic.AtomicInteger();
        DataQueue<IncomingReport> below = new ForwardingDataQueue<>(stored) {
            @Override
            public void enqueue(List<IncomingReport> items) {
                largest.accumulateAndGet(items.size(), Math::max);
                stored.enqueue(items);
            }
        };
        GroupCommitQueue<IncomingReport> queue = new GroupCommitQueue<>(below);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                calls.add(pool.submit(() -> {
                    for (int i = 0; i < 200; i++) {
                        List<IncomingReport> items = new ArrayList<>();
                        int size = i % 50 == 0 ? GroupCommitQueue.MAX_ITEMS : 3;
                        for (int k = 0; k < size; k++) {
                            items.add(TestReports.full(thread * 10_000_000 + i * 10_000 + k));
                        }
                        queue.enqueue(items);
                    }
                }));
            }
            for (Future<?> f : calls) {
                f.get(60, TimeUnit.SECONDS);
            }
            long expected = 8L * (4 * GroupCommitQueue.MAX_ITEMS + 196 * 3);
            assertThat(stored.size()).isEqualTo(expected);
            assertThat(stored.dequeue((int) expected).stream().distinct().count()).isEqualTo(expected);
            assertThat(largest.get()).as("a caller's large submission is never joined by another's")
                    .isEqualTo(GroupCommitQueue.MAX_ITEMS);
        } finally {
            pool.shutdownNow();
        }
    }
}
