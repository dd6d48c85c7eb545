package org.ichnaea.app;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A counter of station writes that every process on one embedded data directory shares, so that the near cache of
 * {@code serve} ({@link StationNearCache}) sees the stations a {@code process} or an import run beside it wrote, at
 * once. The counter is 8 bytes of the file {@code ICHNAEA_DATA_DIR/stations.generation}, mapped into each process:
 * reading it is one memory read, and a write's {@link #advance} is one atomic add on the shared page, seen by the
 * other processes' next read. It is a cache hint, never data: the file holds nothing worth keeping and is neither
 * synced nor needed in a backup. It must not be deleted or truncated while processes have it mapped: after a delete,
 * processes started later count in a new file, and their writes show in the older processes only after the cache's
 * 10 s; a truncated mapping faults on every access. Removed with the processes stopped, it is made again at start.
 */
interface StationGeneration {

    /**
     * Within this process only (MariaDB: the {@code worker}s of other hosts show after the cache's time to live):
     * a lookup that raced a write of this process is not served after it.
     */
    static StationGeneration inProcess() {
        AtomicLong counter = new AtomicLong();
        return new StationGeneration() {
            @Override
            public long current() {
                return counter.get();
            }

            @Override
            public void advance() {
                counter.incrementAndGet();
            }
        };
    }

    /** The current generation: a cached answer loaded under another generation is not used. */
    long current();

    /** Called after every station write, whether it succeeded or not. */
    void advance();

    /**
     * The counter in {@code file}, created if missing. Throws when the file cannot be mapped, in which case the
     * caller must not cache at all.
     */
    static StationGeneration mapped(Path file) throws IOException {
        MappedByteBuffer page;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            // The mapping stays valid after the channel is closed.
            page = channel.map(FileChannel.MapMode.READ_WRITE, 0, Long.BYTES);
        }
        VarHandle counter = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.nativeOrder());
        return new StationGeneration() {
            @Override
            public long current() {
                return (long) counter.getVolatile(page, 0);
            }

            @Override
            public void advance() {
                counter.getAndAdd(page, 0, 1L);
            }
        };
    }
}
