package org.ichnaea.core.datamap;

import java.time.Instant;

/**
 * Where {@link TileRenderer} puts a rendered set of coverage tiles (port). A set is built in full, then published at
 * once, replacing the previous set whole: a reader sees the old set or the new one, never a mix, and tiles that no
 * longer show data disappear with the old set. {@code adapters-http}'s {@code TileDirectory} keeps them as PNG files
 * under {@code ICHNAEA_DATA_DIR/tiles} for the web site; {@link InMemoryTileStore} keeps them in memory.
 */
public interface TileStore {

    /**
     * Starts a new set, waiting while another render of the same store is building one (renders of one store are one
     * after the other, also across processes where the store is shared).
     *
     * @throws java.io.UncheckedIOException if the set cannot be started; the published set stays
     */
    TileSet begin();

    /** What a published set holds, for the store to record beside the tiles. */
    record Summary(Instant updated, long cells, int tiles) {
    }

    /** A set being built. */
    interface TileSet extends AutoCloseable {

        /**
         * Adds one tile, called from several rendering threads at once; the tile's pixels must be taken before the
         * call returns.
         *
         * @throws java.io.UncheckedIOException if the tile cannot be kept
         */
        void put(TileImage tile);

        /**
         * Makes this set the published one, replacing the previous set.
         *
         * @throws java.io.UncheckedIOException if it cannot; the previous set then stays published
         */
        void publish(Summary summary);

        /** Ends the set (and lets the next render begin); a set closed unpublished is dropped. */
        @Override
        void close();
    }
}
