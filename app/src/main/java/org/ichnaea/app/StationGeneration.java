package org.ichnaea.app;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A counter of station writes that every process on one embedded data directory shares, so that the near cache of
 * {@code serve} ({@link StationNearCache}) sees the stations a {@code process} or an import run beside it wrote, at
 * once. The counter is 8 bytes of the file {@code ICHNAEA_DATA_DIR/stations.generation}, mapped into each process:
 * reading it is one memory read, and a write's {@link #advance} is one atomic add on the shared page, seen by the
 * other processes' next read. It is a cache hint, never data: the file holds nothing worth keeping, is neither
 * synced nor part of a backup, and a lost or reset file only makes the caches load again.
 */
interface StationGeneration {

    /** No shared writers (MariaDB: the workers of other hosts show after the cache's time to live). */
    StationGeneration NONE = new StationGeneration() {
        @Override
        public long current() {
            return 0;
        }

        @Override
        public void advance() {
        }
    };

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
