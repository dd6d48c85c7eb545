package org.ichnaea.mysql.queue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.ichnaea.core.StoreUnavailableException;
import org.ichnaea.core.queue.DataQueue;
import org.ichnaea.core.queue.Leases;
import org.ichnaea.core.queue.QueueOwner;
import org.ichnaea.core.submit.IncomingReport;
import org.ichnaea.core.submit.IncomingReportCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded mode's queue: an append-only log of segment files in one directory, not database rows
 * (decisions/011). Nothing in it is ever locked row by row, so a process killed at any point leaves nothing that
 * blocks the next one, and a backlog of any size costs disk, not memory.
 *
 * <h2>Layout</h2>
 * <ul>
 *   <li>{@code NNNNNNNNNNNNNNNNNNNN.log}: segments, named by the sequence number of their first record. A record is
 *       {@code [int length][int CRC32C][payload]}. A segment is closed at {@value #SEGMENT_BYTES} bytes and the next
 *       one started.</li>
 *   <li>{@code state}: a small text file: the read position (the first record never claimed), the ranges given
 *       back by released or recovered claims, and the open claims (id, owner, lease, ranges). Rewritten whole
 *       (written aside, synced, renamed) by every claim, acknowledgement, release, renewal and recovery.</li>
 *   <li>{@code lock}: every operation holds an OS file lock on it, so several processes (the server and the
 *       {@code process} command) share the queue; threads of one process take a lock of the process first.</li>
 * </ul>
 *
 * <h2>Guarantees</h2>
 * An enqueue answers once its records are synced ({@code fsync}); concurrent enqueues of one process share one
 * sync (group commit). A record written by a process that died before its sync is cut off by the next operation
 * (length and checksum; the cut bytes are kept aside in a {@code .torn} file). Claims are at least once, as on the
 * other adapters: a claim of a dead process of this host comes back at once, any other when its lease runs out.
 * Every segment entirely before the oldest record not yet acknowledged is deleted, so the disk is given back as the
 * queue drains.
 */
public final class LogDataQueue<T> implements DataQueue<T>, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LogDataQueue.class);
    /** Segment size at which the next record starts a new segment. */
    static final long SEGMENT_BYTES = 16L << 20;
    /** No record is larger (a report is a few kB): a larger length is a torn or corrupt header. */
    private static final int MAX_RECORD = 16 << 20;
    private static final int HEADER = 8;
    private static final Pattern SEGMENT = Pattern.compile("\\d{20}\\.log");
    private static final Map<Path, Log> LOGS = new ConcurrentHashMap<>();

    private final Log log;
    private final Function<T, byte[]> encode;
    private final Function<byte[], T> decode;
    private final String owner;
    private final Duration lease;
    private final Runnable beforeAck;
    /** How long acknowledged records stay replayable ({@link #replayAcknowledged}); zero keeps none. */
    private final long keepAckedMillis;
    private boolean closed;

    /** A handle on the queue in {@code dir} (created if needed) whose claims belong to {@code owner}. */
    public LogDataQueue(Path dir, Function<T, byte[]> encode, Function<byte[], T> decode, String owner,
                        Duration lease) {
        this(dir, encode, decode, owner, lease, SEGMENT_BYTES, () -> { }, Duration.ZERO);
    }

    /** The same with segments of {@code segmentBytes} (tests), if this is the first handle on the directory. */
    LogDataQueue(Path dir, Function<T, byte[]> encode, Function<byte[], T> decode, String owner, Duration lease,
                 long segmentBytes, Runnable beforeAck, Duration keepAcknowledged) {
        this.beforeAck = beforeAck;
        this.keepAckedMillis = keepAcknowledged.toMillis();
        this.encode = encode;
        this.decode = decode;
        this.owner = owner.replaceAll("\\s", "_");
        this.lease = lease;
        this.log = LOGS.compute(dir.toAbsolutePath().normalize(), (path, open) -> {
            Log l = open != null ? open : new Log(path, segmentBytes);
            l.handles++;
            return l;
        });
    }

    /** The queue of incoming reports in {@code dir}, in core's {@link IncomingReportCodec} encoding. */
    public static LogDataQueue<IncomingReport> incoming(Path dir) {
        return incoming(dir, QueueOwner.self(), Leases.DEFAULT_LEASE);
    }

    /** The same, with claims of {@code owner} and {@code lease}. */
    public static LogDataQueue<IncomingReport> incoming(Path dir, String owner, Duration lease) {
        return new LogDataQueue<>(dir, IncomingReportCodec::encode, IncomingReportCodec::decode, owner, lease);
    }

    /**
     * The queue of incoming reports in {@code dir} whose acknowledgements first run {@code beforeAck}: what the
     * consumer wrote elsewhere must be durable before its items leave the queue (the embedded mode checkpoints H2).
     * If it fails, the claim is not acknowledged and comes back after its lease. Acknowledged records stay in the log,
     * replayable by {@link #replayAcknowledged}, for {@code keepAcknowledged} after their acknowledgement: H2 can lose
     * commits it had synced when its process is killed (docs/reliability.md), and the consumer applies each report
     * once, so handing the last ones out again after an unclean stop restores what H2 lost.
     */
    public static LogDataQueue<IncomingReport> incoming(Path dir, Runnable beforeAck, Duration keepAcknowledged) {
        return new LogDataQueue<>(dir, IncomingReportCodec::encode, IncomingReportCodec::decode, QueueOwner.self(),
                Leases.DEFAULT_LEASE, SEGMENT_BYTES, beforeAck, keepAcknowledged);
    }

    @Override
    public void enqueue(List<T> items) {
        if (items.isEmpty()) {
            return;
        }
        List<byte[]> payloads = new ArrayList<>(items.size());
        int bytes = 0;
        for (T item : items) {
            byte[] payload = encode.apply(item);
            if (payload.length == 0 || payload.length > MAX_RECORD) {
                throw new IllegalArgumentException("a queue item of " + payload.length + " bytes");
            }
            payloads.add(payload);
            bytes += HEADER + payload.length;
        }
        ByteBuffer records = ByteBuffer.allocate(bytes);
        CRC32C crc = new CRC32C();
        for (byte[] payload : payloads) {
            crc.reset();
            crc.update(payload);
            records.putInt(payload.length).putInt((int) crc.getValue()).put(payload);
        }
        records.flip();
        long ticket = log.withTail("enqueue", () -> log.append(records, payloads.size()));
        log.sync(ticket);
    }

    @Override
    public List<T> dequeue(int max) {
        Claim<T> claim = claim(max);
        claim.ack();
        return claim.items();
    }

    @Override
    public long size() {
        return log.withState("size", false, state -> {
            long size = log.tailSeq - state.read.seq;
            for (Range range : state.returned) {
                size += range.count();
            }
            for (ClaimRecord claim : state.claims.values()) {
                for (Range range : claim.ranges) {
                    size += range.count();
                }
            }
            return size;
        });
    }

    @Override
    public Claim<T> claim(int max) {
        if (max <= 0) {
            throw new IllegalArgumentException("a claim takes a positive count, not " + max);
        }
        String id = UUID.randomUUID().toString();
        List<byte[]> payloads = log.withState("claim", true, state -> {
            List<byte[]> taken = new ArrayList<>();
            List<Range> ranges = new ArrayList<>();
            Iterator<Range> returned = state.returned.iterator();
            List<Range> rest = new ArrayList<>();
            while (returned.hasNext()) {
                Range range = returned.next();
                if (taken.size() >= max) {
                    rest.add(range);
                    continue;
                }
                Read read = log.read(range.start, range.end, max - taken.size(), taken);
                if (read.end.seq == range.start.seq) {
                    state.changed = true;
                    LOG.error("queue {}: records {} to {} are unreadable (segment gone), skipped", log.dir,
                            range.start.seq, range.end);
                    continue;
                }
                ranges.add(new Range(range.start, read.end.seq));
                if (read.end.seq < range.end) {
                    rest.add(new Range(read.end, range.end));
                }
            }
            state.returned.clear();
            state.returned.addAll(rest);
            if (taken.size() < max && state.read.seq < log.tailSeq) {
                Read read = log.read(state.read, log.tailSeq, max - taken.size(), taken);
                if (read.end.seq > state.read.seq) {
                    ranges.add(new Range(state.read, read.end.seq));
                    state.read = read.end;
                }
            }
            if (!ranges.isEmpty()) {
                state.claims.put(id, new ClaimRecord(owner, System.currentTimeMillis() + lease.toMillis(), ranges));
                state.changed = true;
                LOG.debug("queue {}: claim {} of {} records {}", log.dir.getFileName(), id, taken.size(), ranges);
            }
            return taken;
        });
        List<T> items = new ArrayList<>(payloads.size());
        for (byte[] payload : payloads) {
            try {
                items.add(decode.apply(payload));
            } catch (IllegalArgumentException e) {
                LOG.error("queue {}: dropped an undecodable item of {} bytes: {}", log.dir, payload.length,
                        e.getMessage());
                org.ichnaea.core.queue.UndecodableItems.dropped();
            }
        }
        return new LogClaim(id, items, payloads.isEmpty());
    }

    @Override
    public long recover() {
        long back = log.withState("recover", true, state -> {
            long now = System.currentTimeMillis();
            long count = 0;
            for (Iterator<Map.Entry<String, ClaimRecord>> it = state.claims.entrySet().iterator(); it.hasNext(); ) {
                ClaimRecord claim = it.next().getValue();
                if (claim.leaseUntil < now || QueueOwner.isDeadLocal(claim.owner)) {
                    LOG.debug("queue {}: recovered claim of {} (lease until {}): {}", log.dir.getFileName(),
                            claim.owner, claim.leaseUntil, claim.ranges);
                    it.remove();
                    state.giveBack(claim.ranges);
                    count += claim.ranges.stream().mapToLong(Range::count).sum();
                }
            }
            return count;
        });
        if (back > 0) {
            LOG.warn("queue {}: {} items of abandoned claims are back in the queue", log.dir.getFileName(), back);
        }
        return back;
    }

    /**
     * Hands out again every record acknowledged within the retention this queue was opened with (oldest first, before
     * new records): for a consumer whose own store may have lost what it had applied (H2 after a {@code kill -9}).
     * Answers how many records came back.
     */
    public long replayAcknowledged() {
        long back = log.withState("replay", true, state -> {
            long count = 0;
            List<Range> ranges = new ArrayList<>();
            for (Acked acked : state.acked) {
                ranges.add(acked.range);
                count += acked.range.count();
            }
            state.acked.clear();
            if (!ranges.isEmpty()) {
                state.giveBack(ranges);
            }
            return count;
        });
        if (back > 0) {
            LOG.warn("queue {}: {} records acknowledged shortly before an unclean stop are handed out again",
                    log.dir.getFileName(), back);
        }
        return back;
    }

    /** Records acknowledged and still kept for {@link #replayAcknowledged} (tests, monitoring). */
    long acknowledgedKept() {
        return log.withState("kept", false, state -> state.acked.stream().mapToLong(a -> a.range.count()).sum());
    }

    /** Stops using the queue: the last handle of this process on a directory closes its files. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        LOGS.computeIfPresent(log.dir, (path, l) -> {
            if (--l.handles > 0) {
                return l;
            }
            l.close();
            return null;
        });
    }

    private final class LogClaim implements Claim<T>, Leases.Renewable {
        private final String id;
        private final List<T> items;
        private boolean done;

        LogClaim(String id, List<T> items, boolean empty) {
            this.id = id;
            this.items = List.copyOf(items);
            this.done = empty;
            if (!done) {
                Leases.keep(this, lease);
            }
        }

        @Override
        public List<T> items() {
            return items;
        }

        @Override
        public synchronized void ack() {
            if (done) {
                return;
            }
            try {
                beforeAck.run();
                boolean held = log.withState("ack", true, state -> {
                    ClaimRecord claim = state.claims.remove(id);
                    if (claim != null && keepAckedMillis > 0) {
                        state.remember(claim.ranges, System.currentTimeMillis(), keepAckedMillis);
                    }
                    return claim != null;
                });
                LOG.debug("queue {}: ack {}{}", log.dir.getFileName(), id, held ? "" : " (claim no longer held)");
            } finally {
                finish();
            }
        }

        @Override
        public synchronized void release() {
            if (done) {
                return;
            }
            try {
                log.withState("release", true, state -> {
                    ClaimRecord claim = state.claims.remove(id);
                    if (claim != null) {
                        state.giveBack(claim.ranges);
                    }
                    LOG.debug("queue {}: release {}{}", log.dir.getFileName(), id, claim != null ? "" : " (not held)");
                    return claim != null;
                });
            } finally {
                finish();
            }
        }

        @Override
        public void close() {
            release();
        }

        @Override
        public synchronized void renew() {
            if (done) {
                return;
            }
            log.withState("renew", true, state -> {
                ClaimRecord claim = state.claims.get(id);
                if (claim != null) {
                    state.claims.put(id, new ClaimRecord(claim.owner, System.currentTimeMillis() + lease.toMillis(),
                            claim.ranges));
                }
                return claim != null;
            });
        }

        private void finish() {
            done = true;
            Leases.forget(this);
        }
    }

    /** A record's place: its sequence number, the segment (its first sequence number) and the byte offset. */
    record Position(long seq, long segment, long offset) {
    }

    /** Records from {@code start} up to sequence number {@code end}, exclusive. */
    record Range(Position start, long end) {
        long count() {
            return end - start.seq;
        }

        @Override
        public String toString() {
            return start.seq + ".." + end + "@" + start.segment + "+" + start.offset;
        }
    }

    record ClaimRecord(String owner, long leaseUntil, List<Range> ranges) {
    }

    /** Acknowledged records kept for a replay: {@code at} is the time of the last acknowledgement among them. */
    record Acked(Range range, long at) {
    }

    private record Read(Position end) {
    }

    /** The shared part of the queue: read from the state file at the start of each operation. */
    static final class State {
        Position read;
        final List<Range> returned = new ArrayList<>();
        final Map<String, ClaimRecord> claims = new LinkedHashMap<>();
        /** Acknowledged ranges kept for a replay, in record order. */
        final List<Acked> acked = new ArrayList<>();
        boolean changed;

        /**
         * Keeps {@code ranges}, acknowledged at {@code now}, for {@code keepMillis}, and forgets what is older.
         * Neighbouring ranges acknowledged within a twentieth of the retention of each other merge, so a steady drain
         * keeps about twenty lines, and no merged line holds a record much longer than the retention.
         */
        void remember(List<Range> ranges, long now, long keepMillis) {
            for (Range range : ranges) {
                acked.add(new Acked(range, now));
            }
            acked.sort(Comparator.comparingLong(a -> a.range.start.seq));
            long slice = Math.max(1, keepMillis / 20);
            List<Acked> merged = new ArrayList<>(acked.size());
            for (Acked a : acked) {
                if (a.at < now - keepMillis) {
                    continue;
                }
                Acked last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
                if (last != null && last.range.end == a.range.start.seq && Math.abs(last.at - a.at) <= slice) {
                    merged.set(merged.size() - 1, new Acked(new Range(last.range.start, a.range.end),
                            Math.max(last.at, a.at)));
                } else {
                    merged.add(a);
                }
            }
            acked.clear();
            acked.addAll(merged);
            changed = true;
        }

        void giveBack(List<Range> ranges) {
            returned.addAll(ranges);
            returned.sort(Comparator.comparingLong(r -> r.start.seq));
            changed = true;
        }

        /**
         * The first segment any position still points into (the read position, a returned range, a claim): every
         * record not yet acknowledged lies in it or after it.
         */
        long oldestSegment() {
            long oldest = read.segment;
            for (Range range : returned) {
                oldest = Math.min(oldest, range.start.segment);
            }
            for (ClaimRecord claim : claims.values()) {
                for (Range range : claim.ranges) {
                    oldest = Math.min(oldest, range.start.segment);
                }
            }
            for (Acked a : acked) {
                oldest = Math.min(oldest, a.range.start.segment);
            }
            return oldest;
        }
    }

    @FunctionalInterface
    private interface IoSupplier<X> {
        X get() throws IOException;
    }

    @FunctionalInterface
    private interface StateOperation<X> {
        X apply(State state) throws IOException;
    }

    /** One queue directory, shared by every handle of this process on it. */
    private static final class Log {
        final Path dir;
        final ReentrantLock local = new ReentrantLock();
        int handles;
        private FileChannel lockChannel;
        /** The last segment (guarded by {@link #local}): its first sequence number, its length, its channel. */
        private long tailSegment = -1;
        private long tailOffset;
        /** The sequence number the next record gets. */
        long tailSeq;
        private volatile FileChannel tailChannel;
        private volatile Path tailPath;
        /** Group commit: appends made by this process, and how many of them are known synced. */
        private volatile long appended;
        private long synced;
        private final Object syncMonitor = new Object();

        private final long segmentBytes;

        Log(Path dir, long segmentBytes) {
            this.dir = dir;
            this.segmentBytes = segmentBytes;
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the queue directory " + dir, e);
            }
        }

        /** Runs {@code op} under both locks with the tail known. */
        <X> X withTail(String what, IoSupplier<X> op) {
            local.lock();
            try {
                if (lockChannel == null || !lockChannel.isOpen()) {
                    lockChannel = FileChannel.open(dir.resolve("lock"), StandardOpenOption.CREATE,
                            StandardOpenOption.WRITE);
                }
                try (FileLock ignored = lockChannel.lock()) {
                    refreshTail();
                    return op.get();
                }
            } catch (IOException e) {
                throw new StoreUnavailableException("queue " + dir + " " + what + " failed: " + e, e);
            } finally {
                local.unlock();
            }
        }

        /** Runs {@code op} on the state; writes the state back if {@code op} changed it. */
        <X> X withState(String what, boolean writes, StateOperation<X> op) {
            return withTail(what, () -> {
                State state = readState();
                X result = op.apply(state);
                if (writes && (state.changed || Boolean.TRUE.equals(result))) {
                    writeState(state);
                    reclaim(state.oldestSegment());
                }
                return result;
            });
        }

        private Path segmentPath(long first) {
            return dir.resolve(String.format("%020d.log", first));
        }

        private List<Long> segments() throws IOException {
            try (Stream<Path> files = Files.list(dir)) {
                return files.map(p -> p.getFileName().toString()).filter(n -> SEGMENT.matcher(n).matches())
                        .map(n -> Long.parseLong(n.substring(0, 20))).sorted().toList();
            }
        }

        /** Brings the cached tail up to date with what any process appended; cuts off a torn last record. */
        private void refreshTail() throws IOException {
            if (tailSegment < 0 || tailChannel == null || !tailChannel.isOpen()) {
                List<Long> segments = segments();
                long last = segments.isEmpty() ? 0 : segments.get(segments.size() - 1);
                openTail(last, 0, last);
            }
            while (true) {
                scanTail();
                // Another process may have started a new segment after this one.
                if (tailSeq != tailSegment && Files.exists(segmentPath(tailSeq))) {
                    closeTail();
                    openTail(tailSeq, 0, tailSeq);
                } else {
                    return;
                }
            }
        }

        private void openTail(long segment, long offset, long seq) throws IOException {
            Path path = segmentPath(segment);
            boolean created = !Files.exists(path);
            tailChannel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            if (created) {
                syncDirectory();
            }
            tailPath = path;
            tailSegment = segment;
            tailOffset = offset;
            tailSeq = seq;
        }

        private void closeTail() throws IOException {
            FileChannel channel = tailChannel;
            if (channel != null && channel.isOpen()) {
                channel.force(false);
                channel.close();
            }
        }

        /** Counts the records after the cached tail offset; a partial or corrupt last record is cut off. */
        private void scanTail() throws IOException {
            FileChannel channel = tailChannel;
            long size = channel.size();
            ByteBuffer header = ByteBuffer.allocate(HEADER);
            CRC32C crc = new CRC32C();
            while (tailOffset < size) {
                header.clear();
                int length = -1;
                int sum = 0;
                if (size - tailOffset >= HEADER && readFully(channel, header, tailOffset)) {
                    header.flip();
                    length = header.getInt();
                    sum = header.getInt();
                }
                boolean good = length > 0 && length <= MAX_RECORD && tailOffset + HEADER + length <= size;
                if (good) {
                    ByteBuffer payload = ByteBuffer.allocate(length);
                    good = readFully(channel, payload, tailOffset + HEADER);
                    crc.reset();
                    payload.flip();
                    crc.update(payload);
                    good = good && (int) crc.getValue() == sum;
                }
                if (!good) {
                    cutTornTail(channel, size);
                    return;
                }
                tailOffset += HEADER + length;
                tailSeq++;
            }
        }

        /** A writer died mid-record (it never answered for it): the bytes are kept aside and cut off. */
        private void cutTornTail(FileChannel channel, long size) throws IOException {
            Path aside = dir.resolve(String.format("%020d.%d.torn", tailSegment, tailOffset));
            try (FileChannel out = FileChannel.open(aside, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                channel.transferTo(tailOffset, size - tailOffset, out);
                out.force(false);
            }
            channel.truncate(tailOffset);
            channel.force(false);
            LOG.warn("queue {}: cut {} bytes of a record left unfinished by a stopped process after record {} "
                    + "(kept in {})", dir.getFileName(), size - tailOffset, tailSeq, aside.getFileName());
        }

        /** Appends the records at the tail (not yet synced); answers the ticket to {@link #sync} on. */
        long append(ByteBuffer records, int count) throws IOException {
            if (tailOffset >= segmentBytes) {
                closeTail();
                openTail(tailSeq, 0, tailSeq);
            }
            long at = tailOffset;
            while (records.hasRemaining()) {
                at += tailChannel.write(records, at);
            }
            tailOffset = at;
            tailSeq += count;
            return ++appended;
        }

        /** Returns once the append of {@code ticket} is synced to disk, by this call or by a concurrent one. */
        void sync(long ticket) {
            synchronized (syncMonitor) {
                if (synced >= ticket) {
                    return;
                }
                long target = appended;
                // Read after the count: every append counted is in this channel, or in an older segment that was
                // synced when the next one was started.
                FileChannel channel = tailChannel;
                Path path = tailPath;
                try {
                    try {
                        channel.force(false);
                    } catch (ClosedChannelException e) {
                        try (FileChannel again = FileChannel.open(path, StandardOpenOption.WRITE)) {
                            again.force(false);
                        } catch (NoSuchFileException gone) {
                            // only an acknowledged, drained segment is deleted, and never the last one
                        }
                    }
                } catch (IOException e) {
                    throw new StoreUnavailableException("queue " + dir + " sync failed: " + e, e);
                }
                synced = target;
            }
        }

        /** Reads records from {@code from} until sequence number {@code end} or {@code max} of them. */
        Read read(Position from, long end, int max, List<byte[]> into) throws IOException {
            Position at = from;
            int taken = 0;
            FileChannel channel = null;
            long channelSegment = -1;
            ByteBuffer header = ByteBuffer.allocate(HEADER);
            CRC32C crc = new CRC32C();
            try {
                while (at.seq < end && taken < max) {
                    if (channelSegment != at.segment) {
                        if (channel != null) {
                            channel.close();
                        }
                        try {
                            channel = FileChannel.open(segmentPath(at.segment), StandardOpenOption.READ);
                        } catch (NoSuchFileException e) {
                            channel = null;
                            break;
                        }
                        channelSegment = at.segment;
                    }
                    if (at.offset >= channel.size()) {
                        if (Files.exists(segmentPath(at.seq)) && at.seq != at.segment) {
                            at = new Position(at.seq, at.seq, 0);
                            continue;
                        }
                        break;
                    }
                    header.clear();
                    boolean good = readFully(channel, header, at.offset);
                    int length = 0;
                    int sum = 0;
                    if (good) {
                        header.flip();
                        length = header.getInt();
                        sum = header.getInt();
                        good = length > 0 && length <= MAX_RECORD;
                    }
                    byte[] payload = null;
                    if (good) {
                        payload = new byte[length];
                        good = readFully(channel, ByteBuffer.wrap(payload), at.offset + HEADER);
                        crc.reset();
                        crc.update(payload);
                        good = good && (int) crc.getValue() == sum;
                    }
                    if (!good) {
                        at = skipCorruptSegment(at);
                        if (at == null) {
                            at = new Position(end, channelSegment, channel.size());
                            break;
                        }
                        continue;
                    }
                    into.add(payload);
                    taken++;
                    at = new Position(at.seq + 1, at.segment, at.offset + HEADER + length);
                }
                if (channel != null && at.segment == channelSegment && at.offset >= channel.size()
                        && at.seq != at.segment && Files.exists(segmentPath(at.seq))) {
                    // At the end of a finished segment: point at the next one, so this one can be deleted.
                    at = new Position(at.seq, at.seq, 0);
                }
            } finally {
                if (channel != null) {
                    channel.close();
                }
            }
            return new Read(at);
        }

        /** A record that fails its checksum inside a synced segment (disk corruption): the rest is skipped. */
        private Position skipCorruptSegment(Position at) throws IOException {
            for (long segment : segments()) {
                if (segment > at.segment) {
                    LOG.error("queue {}: segment {} is corrupt at byte {}: records {} to {} skipped", dir,
                            at.segment, at.offset, at.seq, segment - 1);
                    return new Position(segment, segment, 0);
                }
            }
            LOG.error("queue {}: the last segment {} is corrupt at byte {}", dir, at.segment, at.offset);
            return null;
        }

        private static boolean readFully(FileChannel channel, ByteBuffer buffer, long at) throws IOException {
            long position = at;
            while (buffer.hasRemaining()) {
                int n = channel.read(buffer, position);
                if (n < 0) {
                    return false;
                }
                position += n;
            }
            return true;
        }

        private State readState() throws IOException {
            Path file = dir.resolve("state");
            List<String> lines = Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
            State state = new State();
            try {
                for (String line : lines) {
                    String[] f = line.split(" ");
                    switch (f[0]) {
                        case "read" -> state.read = position(f, 1);
                        case "returned" -> state.returned.add(new Range(position(f, 1), Long.parseLong(f[4])));
                        case "acked" -> state.acked.add(new Acked(new Range(position(f, 2), Long.parseLong(f[5])),
                                Long.parseLong(f[1])));
                        case "claim" -> state.claims.computeIfAbsent(f[1], id -> new ClaimRecord(f[2],
                                Long.parseLong(f[3]), new ArrayList<>())).ranges()
                                .add(new Range(position(f, 4), Long.parseLong(f[7])));
                        default -> { }
                    }
                }
            } catch (RuntimeException e) {
                LOG.error("queue {}: unreadable state file ({}); reading again from the first record kept",
                        dir.getFileName(), e.toString());
                state = new State();
            }
            List<Long> segments = null;
            if (state.read == null) {
                // A new queue (no claim yet), or a state file lost: start at the first record kept.
                segments = segments();
                long first = segments.isEmpty() ? tailSegment : segments.get(0);
                state.read = new Position(first, first, 0);
                if (!lines.isEmpty() || first != 0) {
                    LOG.warn("queue {}: no state; reading again from record {}", dir.getFileName(), first);
                }
            } else if (state.read.seq < tailSeq && !Files.exists(segmentPath(state.read.segment))) {
                // The state is older than the deletion of its segment (a crash of the machine in between).
                segments = segments();
                long first = segments.isEmpty() ? tailSegment : segments.get(0);
                LOG.warn("queue {}: read position {} lies in a deleted segment; reading from record {}",
                        dir.getFileName(), state.read.seq, first);
                state.read = new Position(first, first, 0);
                state.changed = true;
            }
            clip(state);
            return state;
        }

        /** Drops what lies beyond the records that exist (a disk that lost its last unsynced writes). */
        private void clip(State state) {
            if (state.read.seq > tailSeq) {
                LOG.warn("queue {}: read position {} beyond the last record {}", dir.getFileName(), state.read.seq,
                        tailSeq);
                state.read = new Position(tailSeq, tailSegment, tailOffset);
                state.changed = true;
            }
            state.returned.removeIf(r -> r.start.seq >= tailSeq);
            state.acked.removeIf(a -> a.range.start.seq >= tailSeq);
        }

        private static Position position(String[] f, int from) {
            return new Position(Long.parseLong(f[from]), Long.parseLong(f[from + 1]), Long.parseLong(f[from + 2]));
        }

        private void writeState(State state) throws IOException {
            StringBuilder text = new StringBuilder("ichnaea-queue 1\n");
            text.append("read ").append(format(state.read)).append('\n');
            for (Range range : state.returned) {
                text.append("returned ").append(format(range.start)).append(' ').append(range.end).append('\n');
            }
            for (Acked a : state.acked) {
                text.append("acked ").append(a.at).append(' ').append(format(a.range.start)).append(' ')
                        .append(a.range.end).append('\n');
            }
            for (Map.Entry<String, ClaimRecord> claim : state.claims.entrySet()) {
                for (Range range : claim.getValue().ranges()) {
                    text.append("claim ").append(claim.getKey()).append(' ').append(claim.getValue().owner())
                            .append(' ').append(claim.getValue().leaseUntil()).append(' ').append(format(range.start))
                            .append(' ').append(range.end).append('\n');
                }
            }
            Path tmp = dir.resolve("state.tmp");
            try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    out.write(bytes);
                }
                out.force(false);
            }
            Files.move(tmp, dir.resolve("state"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }

        private static String format(Position p) {
            return p.seq + " " + p.segment + " " + p.offset;
        }

        /**
         * Deletes the segments before {@code oldestSegment}, the first one a position points into: their records are
         * all acknowledged. The last segment is never deleted.
         */
        private void reclaim(long oldestSegment) {
            if (firstSegmentHint == tailSegment || firstSegmentHint >= oldestSegment) {
                return; // nothing to delete, no listing
            }
            try {
                List<Long> segments = segments();
                int i = 0;
                for (; i + 1 < segments.size() && segments.get(i) < oldestSegment; i++) {
                    Files.deleteIfExists(segmentPath(segments.get(i)));
                }
                firstSegmentHint = segments.isEmpty() ? tailSegment : segments.get(i);
            } catch (IOException e) {
                LOG.warn("queue {}: drained segments not deleted yet: {}", dir.getFileName(), e.toString());
            }
        }

        /** The first segment kept, as last seen. */
        private long firstSegmentHint = -1;

        private void syncDirectory() {
            try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
                channel.force(true);
            } catch (IOException e) {
                // not every file system can sync a directory; the segment's own sync still holds its records
            }
        }

        void close() {
            try {
                closeTail();
                if (lockChannel != null) {
                    lockChannel.close();
                }
            } catch (IOException e) {
                LOG.warn("queue {}: close failed: {}", dir, e.toString());
            }
        }
    }
}
