package org.ichnaea.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.ichnaea.core.StoreUnavailableException;
import org.ichnaea.core.queue.DataQueue;
import org.ichnaea.core.queue.ForwardingDataQueue;
import org.ichnaea.core.queue.InMemoryDataQueue;
import org.ichnaea.core.submit.IncomingReport;
import org.ichnaea.core.submit.IncomingReportCodec;
import org.ichnaea.core.testing.TestReports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Submissions survive a queue that is down: spooled to files, moved in order once it answers, nothing twice. */
class SpoolingQueueTest {

    @TempDir
    Path dir;

    /** An in-memory queue that can be switched off. */
    private static final class Switchable extends ForwardingDataQueue<IncomingReport> {
        final InMemoryDataQueue<IncomingReport> items;
        volatile boolean down;
        volatile boolean refused;

        Switchable() {
            this(new InMemoryDataQueue<>());
        }

        private Switchable(InMemoryDataQueue<IncomingReport> items) {
            super(items);
            this.items = items;
        }

        @Override
        public void enqueue(List<IncomingReport> toAdd) {
            if (down) {
                throw new StoreUnavailableException("redis enqueue failed: Read timed out",
                        new java.net.SocketTimeoutException("Read timed out"));
            }
            if (refused) {
                throw new StoreUnavailableException("redis enqueue failed: Connection refused",
                        new java.net.ConnectException("Connection refused"));
            }
            items.enqueue(toAdd);
        }
    }

    private SpoolingQueue<IncomingReport> spooling(DataQueue<IncomingReport> target, Path spool) {
        // A long period: the test moves files itself.
        return new SpoolingQueue<>(target, spool, IncomingReportCodec::encode, IncomingReportCodec::decode, 3_600_000);
    }

    private static long files(Path spool) throws IOException {
        if (!Files.isDirectory(spool)) {
            return 0;
        }
        try (Stream<Path> listing = Files.list(spool)) {
            return listing.filter(p -> p.toString().endsWith(".spool")).count();
        }
    }

    @Test
    void a_write_the_queue_refuses_is_spooled_and_moved_in_order_once_it_answers() throws IOException {
        Switchable redis = new Switchable();
        Path spool = dir.resolve("spool");
        List<IncomingReport> sent = new ArrayList<>();
        try (SpoolingQueue<IncomingReport> queue = spooling(redis, spool)) {
            queue.enqueue(List.of(TestReports.full(0)));
            sent.add(TestReports.full(0));
            redis.down = true;
            for (int i = 1; i <= 3; i++) {
                queue.enqueue(List.of(TestReports.full(i), TestReports.query(i)));
                sent.addAll(List.of(TestReports.full(i), TestReports.query(i)));
            }
            assertThat(files(spool)).isEqualTo(3);
            assertThat(queue.size()).as("spooled items count as waiting").isEqualTo(7);
            assertThat(queue.moveAll()).as("still down: nothing moves, nothing is lost").isZero();
            assertThat(files(spool)).isEqualTo(3);

            redis.down = false;
            assertThat(queue.moveAll()).isEqualTo(6);
            assertThat(files(spool)).isZero();
            assertThat(redis.dequeue(100)).containsExactlyElementsOf(sent);
            assertThat(queue.moveAll()).as("moved once").isZero();
        }
    }

    @Test
    void files_left_by_a_process_that_died_are_moved_by_the_next_one() throws IOException {
        Switchable redis = new Switchable();
        Path spool = dir.resolve("spool");
        redis.down = true;
        try (SpoolingQueue<IncomingReport> first = spooling(redis, spool)) {
            first.enqueue(List.of(TestReports.full(7)));
        }
        redis.down = false;
        try (SpoolingQueue<IncomingReport> second = spooling(redis, spool)) {
            second.moveAll(); // its own thread may have moved it first, at start
            assertThat(files(spool)).isZero();
        }
        assertThat(redis.dequeue(10)).containsExactly(TestReports.full(7));
    }

    @Test
    void a_redis_that_cannot_be_reached_gives_503_as_nothing_was_sent() {
        Switchable redis = new Switchable();
        redis.refused = true;
        Path spool = dir.resolve("spool");
        try (SpoolingQueue<IncomingReport> queue = spooling(redis, spool)) {
            assertThatThrownBy(() -> queue.enqueue(List.of(TestReports.full(1))))
                    .isInstanceOf(StoreUnavailableException.class);
        }
        assertThat(Files.exists(spool)).isFalse();
        assertThat(SpoolingQueue.maybeStored(new StoreUnavailableException("x",
                new java.net.SocketTimeoutException("Connect timed out")))).isFalse();
    }

    @Test
    void a_write_no_replica_confirmed_is_spooled_as_a_failover_could_lose_it() {
        assertThat(SpoolingQueue.maybeStored(new org.ichnaea.core.queue.UnconfirmedWriteException(
                "0 of 1 replicas"))).isTrue();
        assertThat(SpoolingQueue.maybeStored(new StoreUnavailableException("refused"))).isFalse();
    }

    @Test
    void when_the_spool_cannot_be_written_either_the_submission_fails() throws IOException {
        Switchable redis = new Switchable();
        redis.down = true;
        Path notADirectory = dir.resolve("file");
        Files.writeString(notADirectory, "x");
        try (SpoolingQueue<IncomingReport> queue = spooling(redis, notADirectory.resolve("spool"))) {
            assertThatThrownBy(() -> queue.enqueue(List.of(TestReports.full(1))))
                    .isInstanceOf(StoreUnavailableException.class);
        }
    }
}
