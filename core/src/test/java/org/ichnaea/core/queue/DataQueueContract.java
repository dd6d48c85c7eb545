package org.ichnaea.core.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
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
        assertThatThrownBy(() -> queue.claim(0)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Another handle on the same queue whose claims belong to {@code owner} and last {@code lease} without renewal;
     * null where the implementation has no owners (the in-memory queue lives in one process).
     */
    protected DataQueue<IncomingReport> sameQueue(String owner, Duration lease) {
        return null;
    }

    private static List<IncomingReport> reports(int from, int to) {
        List<IncomingReport> items = new ArrayList<>();
        for (int i = from; i < to; i++) {
            items.add(TestReports.full(i));
        }
        return items;
    }

    @Test
    void claimed_items_are_hidden_until_acknowledged_and_then_gone() {
        queue.enqueue(reports(0, 10));
        DataQueue.Claim<IncomingReport> first = queue.claim(4);
        assertThat(first.items()).containsExactlyElementsOf(reports(0, 4));
        assertThat(queue.claim(100).items()).containsExactlyElementsOf(reports(4, 10));
        assertThat(queue.claim(100).isEmpty()).isTrue();
        assertThat(queue.dequeue(100)).isEmpty();
        assertThat(queue.size()).as("claimed items are not done yet").isEqualTo(10);

        first.ack();
        assertThat(queue.size()).isEqualTo(6);
        assertThat(queue.recover()).as("live claims are not recovered").isZero();
    }

    @Test
    void a_released_claim_comes_back_and_a_closed_one_too() {
        queue.enqueue(reports(0, 5));
        DataQueue.Claim<IncomingReport> claim = queue.claim(3);
        claim.release();
        try (DataQueue.Claim<IncomingReport> again = queue.claim(10)) {
            assertThat(again.items()).containsExactlyInAnyOrderElementsOf(reports(0, 5));
        }
        DataQueue.Claim<IncomingReport> last = queue.claim(10);
        assertThat(last.items()).containsExactlyInAnyOrderElementsOf(reports(0, 5));
        last.ack();
        last.close();
        assertThat(queue.size()).as("closing an acknowledged claim gives nothing back").isZero();
    }

    @Test
    void a_claim_whose_holder_stopped_renewing_comes_back_after_its_lease() throws InterruptedException {
        DataQueue<IncomingReport> remote = sameQueue("some-other-host/1/1", Duration.ofMillis(300));
        assumeTrue(remote != null, "no owners in this implementation");
        remote.enqueue(reports(0, 3));
        DataQueue.Claim<IncomingReport> claim = remote.claim(10);
        Leases.forget((Leases.Renewable) claim); // as if its process were frozen
        assertThat(queue.recover()).as("within its lease").isZero();
        Thread.sleep(1200);
        assertThat(queue.recover()).isEqualTo(3);
        assertThat(queue.claim(10).items()).containsExactlyInAnyOrderElementsOf(reports(0, 3));
        claim.ack(); // too late: acknowledging a recovered claim removes nothing twice
    }

    @Test
    void a_renewed_claim_outlives_its_lease() throws InterruptedException {
        DataQueue<IncomingReport> remote = sameQueue("some-other-host/2/1", Duration.ofMillis(600));
        assumeTrue(remote != null, "no owners in this implementation");
        remote.enqueue(reports(0, 2));
        DataQueue.Claim<IncomingReport> claim = remote.claim(10);
        Thread.sleep(1500);
        assertThat(queue.recover()).isZero();
        claim.ack();
        assertThat(queue.size()).isZero();
    }

    @Test
    void the_claims_of_a_dead_process_of_this_host_come_back_at_once() {
        DataQueue<IncomingReport> dead = sameQueue(QueueOwner.deadForTests(), Duration.ofHours(1));
        assumeTrue(dead != null, "no owners in this implementation");
        dead.enqueue(reports(0, 4));
        DataQueue.Claim<IncomingReport> claim = dead.claim(3);
        Leases.forget((Leases.Renewable) claim);
        assertThat(queue.recover()).isEqualTo(3);
        assertThat(queue.dequeue(10)).containsExactlyInAnyOrderElementsOf(reports(0, 4));
    }
}
