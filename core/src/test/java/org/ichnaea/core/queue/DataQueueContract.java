package org.ichnaea.core.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.ichnaea.core.submit.IncomingReport;
import org.ichnaea.core.testing.TestReports;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every report queue does; run against the fake and each real adapter. */
public abstract class DataQueueContract {

    protected DataQueue<IncomingReport> queue;

    /** A new, empty queue. */
    protected abstract DataQueue<IncomingReport> newQueue();

    @BeforeEach
    void createQueue() {
        queue = newQueue();
    }

    @Test
    void an_empty_queue_gives_nothing() {
        assertThat(queue.size()).isZero();
        assertThat(queue.dequeue(10)).isEmpty();
    }

    @Test
    void gives_back_reports_field_for_field_in_order() {
        List<IncomingReport> items = List.of(TestReports.full(0), TestReports.full(1), TestReports.query(2));
        queue.enqueue(items);

        assertThat(queue.size()).isEqualTo(3);
        assertThat(queue.dequeue(10)).containsExactlyElementsOf(items);
        assertThat(queue.size()).isZero();
    }

    @Test
    void dequeues_in_batches_from_the_head() {
        List<IncomingReport> items = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            items.add(TestReports.full(i));
        }
        queue.enqueue(items.subList(0, 10));
        queue.enqueue(items.subList(10, 25));

        assertThat(queue.dequeue(7)).containsExactlyElementsOf(items.subList(0, 7));
        assertThat(queue.dequeue(10)).containsExactlyElementsOf(items.subList(7, 17));
        assertThat(queue.size()).isEqualTo(8);
        assertThat(queue.dequeue(100)).containsExactlyElementsOf(items.subList(17, 25));
    }

    @Test
    void refuses_a_non_positive_batch() {
        assertThatThrownBy(() -> queue.dequeue(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
