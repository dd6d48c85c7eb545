package org.ichnaea.mysql.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.ichnaea.core.queue.DataQueue;
import org.ichnaea.core.queue.DataQueueContract;
import org.ichnaea.core.queue.QueueOwner;
import org.ichnaea.core.submit.IncomingReport;
import org.ichnaea.core.testing.TestReports;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogDataQueueTest extends DataQueueContract {

    private static final long BASE = 1_781_000_000_000L;

    @TempDir
    Path dir;
    private final List<LogDataQueue<?>> handles = new ArrayList<>();

    @Override
    protected DataQueue<IncomingReport> newQueue() {
        return track(LogDataQueue.incoming(dir.resolve("q")));
    }

    @Override
    protected DataQueue<IncomingReport> sameQueue(String owner, Duration lease) {
        return track(LogDataQueue.incoming(dir.resolve("q"), owner, lease));
    }

    private <Q extends LogDataQueue<?>> Q track(Q queue) {
        handles.add(queue);
        return queue;
    }

    @AfterEach
    void closeHandles() {
        handles.forEach(LogDataQueue::close);
    }

    private static List<IncomingReport> reports(int from, int to) {
        List<IncomingReport> items = new ArrayList<>();
        for (int i = from; i < to; i++) {
            items.add(TestReports.full(i));
        }
        return items;
    }

    private static int number(IncomingReport report) {
        return (int) (report.report().timestamp() - BASE);
    }

    private LogDataQueue<IncomingReport> small(Path at) {
        return keeping(at, Duration.ZERO);
    }

    /** Reports 0 to {@code n - 1}, one append each: an append starts a new segment once the last one is full. */
    private static void enqueueOneByOne(LogDataQueue<IncomingReport> queue, int n) {
        for (int i = 0; i < n; i++) {
            queue.enqueue(reports(i, i + 1));
        }
    }

    /** 1 kB segments; acknowledged records kept for {@code keep}. */
    private LogDataQueue<IncomingReport> keeping(Path at, Duration keep) {
        return track(new LogDataQueue<>(at, org.ichnaea.core.submit.IncomingReportCodec::encode,
                org.ichnaea.core.submit.IncomingReportCodec::decode, QueueOwner.self(), Duration.ofMinutes(1), 1024,
                () -> { }, keep));
    }

    @Test
    void acknowledged_records_within_the_retention_are_handed_out_again_by_a_replay_before_new_ones()
            throws IOException {
        Path at = dir.resolve("replay");
        LogDataQueue<IncomingReport> queue = keeping(at, Duration.ofHours(1));
        enqueueOneByOne(queue, 30);
        List<Integer> seen = new ArrayList<>();
        // Out of order, with a release in between: what was acknowledged, not what was handed out, comes back.
        DataQueue.Claim<IncomingReport> a = queue.claim(7);
        DataQueue.Claim<IncomingReport> b = queue.claim(7);
        DataQueue.Claim<IncomingReport> c = queue.claim(7);
        b.ack();
        c.release();
        a.ack();
        queue.dequeue(30).forEach(r -> seen.add(number(r)));
        assertThat(seen).hasSize(16);
        int segmentsDrained = segments(at).size();
        assertThat(segmentsDrained).as("kept records keep their segments").isGreaterThan(1);
        assertThat(queue.size()).isZero();
        assertThat(queue.acknowledgedKept()).isEqualTo(30);
        queue.close();
        handles.remove(queue);

        LogDataQueue<IncomingReport> again = keeping(at, Duration.ofHours(1));
        again.enqueue(reports(30, 32));
        assertThat(again.replayAcknowledged()).isEqualTo(30);
        assertThat(again.acknowledgedKept()).isZero();
        assertThat(again.size()).isEqualTo(32);
        assertThat(again.dequeue(100)).extracting(LogDataQueueTest::number)
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 32).boxed().toList());
        assertThat(again.acknowledgedKept()).as("acknowledged again, kept again").isEqualTo(32);
    }

    @Test
    void acknowledged_records_older_than_the_retention_are_forgotten_and_their_segments_deleted()
            throws Exception {
        Path at = dir.resolve("forget");
        LogDataQueue<IncomingReport> queue = keeping(at, Duration.ofMillis(200));
        enqueueOneByOne(queue, 30);
        queue.dequeue(20);
        assertThat(queue.acknowledgedKept()).isEqualTo(20);
        Thread.sleep(300);
        queue.dequeue(5); // an acknowledgement forgets what is past the retention
        assertThat(queue.acknowledgedKept()).isEqualTo(5);
        Thread.sleep(300);
        queue.dequeue(10);
        assertThat(queue.acknowledgedKept()).isEqualTo(5);
        assertThat(segments(at)).as("only the segments of the last 5 records and the last one").hasSizeLessThan(4);
        assertThat(queue.replayAcknowledged()).isEqualTo(5);
        assertThat(queue.dequeue(100)).extracting(LogDataQueueTest::number).containsExactly(25, 26, 27, 28, 29);
    }

    @Test
    void a_steady_drain_keeps_a_few_lines_of_acknowledged_ranges() throws IOException {
        Path at = dir.resolve("steady");
        LogDataQueue<IncomingReport> queue = keeping(at, Duration.ofHours(1));
        queue.enqueue(reports(0, 200));
        for (int i = 0; i < 200; i++) {
            queue.dequeue(1);
        }
        assertThat(queue.acknowledgedKept()).isEqualTo(200);
        assertThat(Files.readAllLines(at.resolve("state"))).filteredOn(l -> l.startsWith("acked ")).hasSize(1);
    }

    private static List<Path> segments(Path at) throws IOException {
        try (Stream<Path> files = Files.list(at)) {
            return files.filter(p -> p.toString().endsWith(".log")).sorted().toList();
        }
    }

    @Test
    void claims_releases_and_the_read_position_survive_a_new_process() {
        Path at = dir.resolve("reopen");
        LogDataQueue<IncomingReport> first = LogDataQueue.incoming(at, QueueOwner.deadForTests(), Duration.ofHours(1));
        first.enqueue(reports(0, 10));
        first.claim(3).release();
        DataQueue.Claim<IncomingReport> held = first.claim(5);
        assertThat(held.items()).extracting(LogDataQueueTest::number).containsExactly(0, 1, 2, 3, 4);
        org.ichnaea.core.queue.Leases.forget((org.ichnaea.core.queue.Leases.Renewable) held);
        first.close(); // the last handle: files closed, as if the process had ended

        LogDataQueue<IncomingReport> second = track(LogDataQueue.incoming(at));
        assertThat(second.size()).isEqualTo(10);
        assertThat(second.claim(100).items()).extracting(LogDataQueueTest::number).containsExactly(5, 6, 7, 8, 9);
        assertThat(second.recover()).as("the dead holder's claim").isEqualTo(5);
        assertThat(second.dequeue(100)).extracting(LogDataQueueTest::number).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void drained_segments_are_deleted_and_the_last_one_kept() throws IOException {
        Path at = dir.resolve("segments");
        LogDataQueue<IncomingReport> queue = small(at);
        for (int i = 0; i < 100; i += 5) {
            queue.enqueue(reports(i, i + 5));
        }
        int before = segments(at).size();
        assertThat(before).as("1 kB segments").isGreaterThan(5);

        List<Integer> seen = new ArrayList<>();
        while (seen.size() < 60) {
            DataQueue.Claim<IncomingReport> claim = queue.claim(7);
            claim.items().forEach(r -> seen.add(number(r)));
            claim.ack();
        }
        int middle = segments(at).size();
        assertThat(middle).isLessThan(before).isGreaterThan(1);
        queue.dequeue(1000).forEach(r -> seen.add(number(r)));

        assertThat(seen).containsExactlyElementsOf(java.util.stream.IntStream.range(0, 100).boxed().toList());
        assertThat(segments(at)).hasSize(1);
        assertThat(queue.size()).isZero();
        queue.enqueue(reports(100, 101));
        assertThat(queue.dequeue(10)).extracting(LogDataQueueTest::number).containsExactly(100);
    }

    @Test
    void claims_ending_exactly_at_segment_ends_lose_nothing_when_the_segment_goes() throws IOException {
        Path at = dir.resolve("boundaries");
        LogDataQueue<IncomingReport> queue = small(at);
        queue.enqueue(reports(0, 60));
        List<Integer> seen = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            DataQueue.Claim<IncomingReport> one = queue.claim(1);
            DataQueue.Claim<IncomingReport> next = queue.claim(1);
            one.items().forEach(r -> seen.add(number(r)));
            one.ack(); // its segment may go while the next claim, and the read position, point past its end
            next.release();
        }
        assertThat(seen).containsExactlyElementsOf(java.util.stream.IntStream.range(0, 60).boxed().toList());
        assertThat(queue.size()).isZero();
        assertThat(segments(at)).hasSize(1);
    }

    @Test
    void an_unfinished_last_record_is_cut_off_and_kept_aside() throws IOException {
        Path at = dir.resolve("torn");
        LogDataQueue<IncomingReport> writer = LogDataQueue.incoming(at);
        writer.enqueue(reports(0, 3));
        writer.close();
        Path segment = segments(at).get(0);
        long good = Files.size(segment);
        // What a process killed in the middle of a write leaves: a header promising more than is there.
        Files.write(segment, new byte[] {0, 0, 1, 0, 1, 2, 3, 4, 9, 9, 9}, StandardOpenOption.APPEND);

        LogDataQueue<IncomingReport> next = track(LogDataQueue.incoming(at));
        assertThat(next.size()).isEqualTo(3);
        assertThat(Files.size(segment)).isEqualTo(good);
        try (Stream<Path> files = Files.list(at)) {
            assertThat(files.filter(p -> p.toString().endsWith(".torn"))).singleElement()
                    .satisfies(p -> assertThat(Files.size(p)).isEqualTo(11));
        }
        next.enqueue(reports(3, 4));
        assertThat(next.dequeue(10)).extracting(LogDataQueueTest::number).containsExactly(0, 1, 2, 3);
    }

    @Test
    void an_undecodable_item_is_dropped_counted_and_does_not_block_the_rest() {
        Path at = dir.resolve("undecodable");
        LogDataQueue<IncomingReport> garbage = track(new LogDataQueue<>(at, r -> new byte[] {99, 1, 2},
                org.ichnaea.core.submit.IncomingReportCodec::decode, QueueOwner.self(), Duration.ofMinutes(1), 1024,
                () -> { }, Duration.ZERO));
        LogDataQueue<IncomingReport> queue = small(at);
        queue.enqueue(reports(0, 1));
        garbage.enqueue(reports(1, 2));
        queue.enqueue(reports(2, 3));
        long before = org.ichnaea.core.queue.UndecodableItems.total();
        assertThat(queue.dequeue(10)).extracting(LogDataQueueTest::number).containsExactly(0, 2);
        assertThat(org.ichnaea.core.queue.UndecodableItems.total() - before).isEqualTo(1);
        assertThat(queue.size()).isZero();
    }

    @Test
    void a_corrupt_state_file_costs_redelivery_not_data() throws IOException {
        Path at = dir.resolve("state");
        LogDataQueue<IncomingReport> queue = LogDataQueue.incoming(at);
        queue.enqueue(reports(0, 4));
        queue.dequeue(2);
        queue.close();
        Files.writeString(at.resolve("state"), "ichnaea-queue 1\nread x y\n");

        LogDataQueue<IncomingReport> next = track(LogDataQueue.incoming(at));
        assertThat(next.dequeue(10)).extracting(LogDataQueueTest::number).containsExactly(0, 1, 2, 3);
    }

    /**
     * Other processes append while this one claims: every report a writer had its enqueue answered for is
     * delivered, including by writers killed with SIGKILL at random points (seeded), and nothing written by a live
     * writer is lost or delivered twice.
     */
    @Test
    void writers_in_other_processes_killed_at_random_lose_nothing_they_were_answered_for() throws Exception {
        Path at = dir.resolve("shared");
        LogDataQueue<IncomingReport> queue = track(LogDataQueue.incoming(at));
        Random random = new Random(Long.getLong("ichnaea.queue.seed", 20261207L));
        Set<Integer> answered = java.util.concurrent.ConcurrentHashMap.newKeySet();
        List<Integer> delivered = new ArrayList<>();
        for (int round = 0; round < 4; round++) {
            int from = round * 10_000;
            Process killed = start(at, from, from + 5_000);
            Process survivor = start(at, from + 5_000, from + 5_300);
            Thread killedReader = reader(killed, answered);
            Thread survivorReader = reader(survivor, answered);
            long killAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(600 + random.nextInt(900));
            while (System.nanoTime() < killAt) {
                try (DataQueue.Claim<IncomingReport> claim = queue.claim(50)) {
                    claim.items().forEach(r -> delivered.add(number(r)));
                    claim.ack();
                }
            }
            killed.destroyForcibly().waitFor();
            assertThat(survivor.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(survivor.exitValue()).isZero();
            killedReader.join();
            survivorReader.join();
        }
        delivered.addAll(queue.dequeue(100_000).stream().map(LogDataQueueTest::number).toList());

        assertThat(new HashSet<>(delivered)).as("every answered report delivered").containsAll(answered);
        assertThat(delivered).as("nothing delivered twice").doesNotHaveDuplicates();
        for (int round = 0; round < 4; round++) {
            int survivorFirst = round * 10_000 + 5_000;
            assertThat(delivered).as("round %d's live writer", round)
                    .containsAll(java.util.stream.IntStream.range(survivorFirst, survivorFirst + 300).boxed().toList());
        }
        assertThat(answered.size()).as("the killed writers got some way").isGreaterThan(4 * 300 + 40);
    }

    private static Process start(Path at, int from, int to) throws IOException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                LogQueueWriter.class.getName(), at.toString(), Integer.toString(from), Integer.toString(to));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static Thread reader(Process process, Set<Integer> answered) {
        Thread thread = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    answered.add(Integer.parseInt(line.trim()));
                }
            } catch (IOException | NumberFormatException e) {
                // the process was killed mid-line: that number was never fully answered
            }
        });
        thread.start();
        return thread;
    }
}
