package org.ichnaea.core.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.ichnaea.core.StoreUnavailableException;
import org.junit.jupiter.api.Test;

class ShardedDataQueueTest {

    /** A shard on a node that is down. */
    private static final class DownQueue implements DataQueue<Integer> {
        @Override
        public void enqueue(List<Integer> items) {
            throw new StoreUnavailableException("node down");
        }

        @Override
        public List<Integer> dequeue(int max) {
            throw new StoreUnavailableException("node down");
        }

        @Override
        public long size() {
            throw new StoreUnavailableException("node down");
        }

        @Override
        public Claim<Integer> claim(int max) {
            throw new StoreUnavailableException("node down");
        }

        @Override
        public long recover() {
            throw new StoreUnavailableException("node down");
        }
    }

    @Test
    void enqueues_go_round_the_shards_whole_and_in_order() {
        List<InMemoryDataQueue<Integer>> shards = List.of(new InMemoryDataQueue<>(), new InMemoryDataQueue<>(),
                new InMemoryDataQueue<>());
        ShardedDataQueue<Integer> queue = new ShardedDataQueue<>(List.copyOf(shards), List::of);
        for (int i = 0; i < 30; i++) {
            queue.enqueue(List.of(2 * i, 2 * i + 1));
        }
        for (InMemoryDataQueue<Integer> shard : shards) {
            assertThat(shard.size()).isEqualTo(20);
            List<Integer> items = shard.dequeue(100);
            for (int i = 0; i < items.size(); i += 2) {
                assertThat(items.get(i + 1)).isEqualTo(items.get(i) + 1);
            }
        }
    }

    @Test
    void a_failing_shard_passes_its_items_to_the_next() {
        DownQueue down = new DownQueue();
        InMemoryDataQueue<Integer> up = new InMemoryDataQueue<>();
        ShardedDataQueue<Integer> queue = new ShardedDataQueue<>(List.of(down, up), List::of);
        for (int i = 0; i < 10; i++) {
            queue.enqueue(List.of(i));
        }
        assertThat(up.size()).isEqualTo(10);
        List<Integer> taken = new ArrayList<>();
        try (DataQueue.Claim<Integer> claim = queue.claim(100)) {
            taken.addAll(claim.items());
            claim.ack();
        }
        assertThat(taken).hasSize(10);
        assertThatThrownBy(() -> queue.claim(100)).as("an empty queue is not said while a shard cannot be asked")
                .isInstanceOf(StoreUnavailableException.class);
        ShardedDataQueue<Integer> allDown = new ShardedDataQueue<>(List.of(down), List::of);
        assertThatThrownBy(() -> allDown.enqueue(List.of(1))).isInstanceOf(StoreUnavailableException.class);
    }

    @Test
    void consumers_drain_shards_beyond_the_producers_once_recovered() {
        InMemoryDataQueue<Integer> producer = new InMemoryDataQueue<>();
        InMemoryDataQueue<Integer> old = new InMemoryDataQueue<>();
        old.enqueue(List.of(1, 2, 3));
        ShardedDataQueue<Integer> queue = new ShardedDataQueue<>(List.of(producer), () -> List.of(old, producer));
        queue.enqueue(List.of(4));
        assertThat(queue.size()).isEqualTo(4);
        queue.recover();
        List<Integer> taken = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            try (DataQueue.Claim<Integer> claim = queue.claim(10)) {
                taken.addAll(claim.items());
                claim.ack();
            }
        }
        assertThat(taken).containsExactlyInAnyOrder(1, 2, 3, 4);
        assertThat(queue.shards()).containsExactly(producer, old);
        assertThat(queue.dequeue(5)).isEmpty();
    }
}
