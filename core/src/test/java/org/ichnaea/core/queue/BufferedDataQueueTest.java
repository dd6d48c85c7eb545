package org.ichnaea.core.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.ichnaea.core.submit.IncomingReport;
import org.ichnaea.core.testing.TestReports;
import org.junit.jupiter.api.Test;

class BufferedDataQueueTest extends DataQueueContract {

    private InMemoryDataQueue<IncomingReport> target;

    @Override
    protected DataQueue<IncomingReport> newQueue() {
        target = new InMemoryDataQueue<>();
        return new BufferedDataQueue<>(target, 100, 10_000, Duration.ofSeconds(60), "test");
    }

    @Override
    protected DataQueue<IncomingReport> sameQueue(String owner, Duration lease) {
        // Another consumer of the buffer's target: claims and recovery pass through the buffer.
        return new BufferedDataQueue<>(target.handle(owner, lease), 100, 10_000, Duration.ofSeconds(60), "other");
    }

    @Test
    void items_reach_the_target_in_the_background_and_on_close() throws Exception {
        InMemoryDataQueue<IncomingReport> target = new InMemoryDataQueue<>();
        BufferedDataQueue<IncomingReport> buffered = new BufferedDataQueue<>(target, 3, 100, Duration.ofMillis(50),
                "t");
        buffered.enqueue(List.of(TestReports.full(1)));
        assertThat(buffered.size()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10)).until(() -> target.size() > 0);
        assertThat(target.size()).as("flushed by time").isEqualTo(1);

        BufferedDataQueue<IncomingReport> slow = new BufferedDataQueue<>(target, 1000, 100, Duration.ofHours(1), "s");
        slow.enqueue(List.of(TestReports.full(2), TestReports.full(3)));
        slow.close();
        assertThat(target.size()).as("flushed on close").isEqualTo(3);
    }

    @Test
    void a_full_buffer_refuses_and_counts() {
        InMemoryDataQueue<IncomingReport> target = new InMemoryDataQueue<>();
        BufferedDataQueue<IncomingReport> buffered = new BufferedDataQueue<>(target, 1000, 2, Duration.ofHours(1),
                "f");
        buffered.enqueue(List.of(TestReports.full(1), TestReports.full(2), TestReports.full(3)));
        assertThat(buffered.refused()).isEqualTo(1);
        buffered.close();
        assertThat(target.size()).isEqualTo(2);
    }
}
