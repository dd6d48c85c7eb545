package org.ichnaea.core.datamap;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * The tile store in memory, for tests and embedding: the published tiles by name ({@code "z/x/y"}, or
 * {@code "z/x/y@2x"} for a double-resolution tile) with copies of their pixels, and the summary of the set.
 */
public final class InMemoryTileStore implements TileStore {

    private final Semaphore rendering = new Semaphore(1);
    private volatile Map<String, TileImage> published = Map.of();
    private volatile Summary summary;

    @Override
    public TileSet begin() {
        rendering.acquireUninterruptibly();
        return new TileSet() {
            private final Map<String, TileImage> tiles = new ConcurrentHashMap<>();
            private boolean closed;

            @Override
            public void put(TileImage tile) {
                byte[] alpha = Arrays.copyOf(tile.alpha(), tile.size() * tile.size());
                tiles.put(name(tile.zoom(), tile.x(), tile.y(), tile.scale()), new TileImage(tile.zoom(), tile.x(),
                        tile.y(), tile.scale(), tile.rgb(), alpha, tile.maxAlpha()));
            }

            @Override
            public void publish(Summary summary) {
                published = Map.copyOf(tiles);
                InMemoryTileStore.this.summary = summary;
            }

            @Override
            public synchronized void close() {
                if (!closed) {
                    closed = true;
                    rendering.release();
                }
            }
        };
    }

    /** The name of a tile in {@link #tiles()}. */
    public static String name(int zoom, int x, int y, int scale) {
        return zoom + "/" + x + "/" + y + (scale == 1 ? "" : "@" + scale + "x");
    }

    /** The published tiles by name, sorted. */
    public Map<String, TileImage> tiles() {
        return new TreeMap<>(published);
    }

    /** The published tile, or null where none shows data. */
    public TileImage tile(int zoom, int x, int y) {
        return published.get(name(zoom, x, y, 1));
    }

    /** The summary of the published set, or null before the first. */
    public Summary summary() {
        return summary;
    }
}
