package org.ichnaea.core.datamap;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Draws the coverage map from the data-map grid, as Ichnaea's {@code datamap.py} script did with ericfischer/datamaps
 * (docs/algorithms.md §13.4), with the JDK alone: slippy-map tiles for zoom 0 to {@code maxZoom} (256 pixels, Web
 * Mercator, see {@link TileMath}) and a 512-pixel zoom 0 tile for the front page, handed as {@link TileImage}s to a
 * {@link TileStore}, which publishes the set with its {@link TileStore.Summary} (the stamp of {@code clock}, cells and
 * tiles). Only tiles showing data are handed over.
 *
 * <p>Each grid cell modified {@code m} months before {@code today} ({@code round(days / 30)}) yields
 * {@code min(max(13 - m, 0), 13) div 2} points, 6 for a fresh cell and none from about 11.5 months on, scattered
 * pseudo-randomly but reproducibly (seeded by the cell) inside the cell's 0.001° square. The tiles have a transparent
 * background and semi-transparent blue dots, growing a little with the zoom and saturating where points crowd, so
 * they overlay any base map and read on a plain page as well. A tile is one colour at 256 levels of opacity, which the
 * store can write as a small 8-bit palette PNG (palette index = alpha), as Ichnaea's pngquant output was.
 *
 * <p>Memory: the store is streamed once into 13 bytes per cell with points (projected cell corner, height, point
 * count) plus, per zoom, one 8-byte sort key per cell; points are regenerated from the seed for each zoom and tiles
 * are drawn one by one on {@code availableProcessors} threads. Same cells and day, same pixels.
 *
 * <p>Publication is the store's: a render {@linkplain TileStore#begin() begins} a set before reading the grid (one
 * render at a time per store), {@linkplain TileStore.TileSet#put puts} each tile from the drawing threads and
 * {@linkplain TileStore.TileSet#publish publishes} the set when every tile is in; a failed render publishes nothing.
 */
public final class TileRenderer {

    /** What a render drew: cells with points, points, tiles of 256 pixels (not counting the 512-pixel zoom 0 tile). */
    public record Result(long cells, long points, int tiles, long elapsedMillis) {
    }

    public static final int DEFAULT_MAX_ZOOM = 11;
    /** Sort keys hold {@code x << z | y} in 30 bits. */
    public static final int MAX_ZOOM_LIMIT = 15;

    private static final Logger LOG = LoggerFactory.getLogger(TileRenderer.class);

    /** Cells are kept in world units, pixels at zoom 22: the world is 2^30 units across, 0.3 mm at the equator. */
    private static final int WORLD_ZOOM = 22;
    private static final int WORLD_BITS = 30;
    private static final double WORLD = 1 << WORLD_BITS;
    private static final double CELL_WIDTH = WORLD * 0.001 / 360.0;
    private static final double HALF_CELL_DEGREES = 0.0005;
    private static final long MIX = 0x9E3779B97F4A7C15L;

    /** Dots: #0055d4, at most 85 % opaque. */
    private static final int RGB = 0x0055d4;
    private static final double MAX_ALPHA = 0.85;
    /**
     * Opacity of a pixel by the density of dots covering it, {@code 255 * MAX_ALPHA * (1 - exp(-density))}, in steps of
     * 1/{@link #ALPHA_STEPS} up to a density of 16 (where it has saturated).
     */
    private static final int ALPHA_STEPS = 512;
    private static final int[] ALPHA = alphaTable();
    /** At this zoom and deeper a point counts fully; each zoom out halves it per two levels. */
    private static final int FULL_WEIGHT_ZOOM = 11;

    /** Cells smaller than this many pixels are drawn as one dot. */
    private static final double SPECK_PIXELS = 0.25;

    private final int maxZoom;
    private final Clock clock;
    private final int threads;

    public TileRenderer() {
        this(DEFAULT_MAX_ZOOM);
    }

    public TileRenderer(int maxZoom) {
        this(maxZoom, Clock.systemUTC());
    }

    /** {@code clock} stamps the set's {@link TileStore.Summary#updated()}. */
    public TileRenderer(int maxZoom, Clock clock) {
        if (maxZoom < 0 || maxZoom > MAX_ZOOM_LIMIT) {
            throw new IllegalArgumentException("maxZoom must be 0.." + MAX_ZOOM_LIMIT + ", not " + maxZoom);
        }
        this.maxZoom = maxZoom;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    public int maxZoom() {
        return maxZoom;
    }

    /**
     * Renders every cell of {@code store} as seen on {@code today} and publishes the tiles in {@code tiles}, replacing
     * its previous set.
     *
     * @throws UncheckedIOException if the tiles cannot be stored; {@code tiles} then keeps its previous set
     */
    public Result render(DataMapStore store, TileStore tiles, LocalDate today) {
        return render(store, tiles, today, Progress.NONE);
    }

    /**
     * What a long render has done so far, for progress lines: called from the rendering thread, often (every
     * {@link #PROGRESS_CELLS} grid cells read, after each layer of tiles), so a listener throttles its own output.
     */
    public interface Progress {
        /** Hears nothing. */
        Progress NONE = new Progress() {
        };

        /** {@code cells} grid cells read from the store so far. */
        default void cellsRead(long cells) {
        }

        /** {@code done} of {@code layers} layers (zoom levels, plus the 2x zoom 0) drawn, {@code tiles} so far. */
        default void layerDrawn(int done, int layers, long tiles) {
        }
    }

    /** Grid cells read between two {@link Progress#cellsRead} calls. */
    public static final int PROGRESS_CELLS = 10_000;

    /** As {@link #render(DataMapStore, TileStore, LocalDate)}, telling {@code progress} how far it got. */
    public Result render(DataMapStore store, TileStore tiles, LocalDate today, Progress progress) {
        Objects.requireNonNull(progress, "progress");
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "datamap-tiles");
            thread.setDaemon(true);
            return thread;
        });
        try (TileStore.TileSet set = tiles.begin()) {
            Cells cells = Cells.read(store, today, progress);
            int drawn = draw(cells, set, pool, progress);
            set.publish(new TileStore.Summary(clock.instant().truncatedTo(ChronoUnit.SECONDS), cells.size, drawn));
            Result result = new Result(cells.size, cells.points, drawn, (System.nanoTime() - start) / 1_000_000);
            LOG.info("datamap tiles rendered: {} cells, {} points, {} tiles in {} ms", result.cells(),
                    result.points(), result.tiles(), result.elapsedMillis());
            return result;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * How many points a cell last modified on {@code modified} shows on {@code today}: Ichnaea's
     * {@code min(max(13 - months, 0), 13) div 2} with {@code months = round(days / 30)}, half up. A day in the future
     * counts as today.
     */
    static int pointCount(LocalDate modified, LocalDate today) {
        long days = Math.max(0, ChronoUnit.DAYS.between(modified, today));
        long months = (days + 15) / 30;
        return (int) (Math.min(Math.max(13 - months, 0), 13) / 2);
    }

    // ---- cells ----

    /** The cells with points, as parallel primitive arrays. */
    private static final class Cells {
        int size;
        long points;
        /** West edge and north edge in world units. */
        int[] x0 = new int[1 << 14];
        int[] y0 = new int[1 << 14];
        /** Height in world units (grows with the latitude). */
        int[] height = new int[1 << 14];
        byte[] count = new byte[1 << 14];

        static Cells read(DataMapStore store, LocalDate today, Progress progress) {
            Cells cells = new Cells();
            long[] read = {0};
            store.forEach(entry -> {
                cells.add(entry, today);
                if (++read[0] % PROGRESS_CELLS == 0) {
                    progress.cellsRead(read[0]);
                }
            });
            progress.cellsRead(read[0]);
            return cells;
        }

        private void add(GridEntry entry, LocalDate today) {
            int k = pointCount(entry.modified(), today);
            double lat = entry.cell().latitude();
            if (k == 0 || Math.abs(lat) > TileMath.MAX_LATITUDE) {
                return;
            }
            if (size == x0.length) {
                int capacity = Math.min(Integer.MAX_VALUE - 8, size + (size >> 1));
                if (capacity == size) {
                    throw new IllegalStateException("too many datamap cells: " + size);
                }
                x0 = Arrays.copyOf(x0, capacity);
                y0 = Arrays.copyOf(y0, capacity);
                height = Arrays.copyOf(height, capacity);
                count = Arrays.copyOf(count, capacity);
            }
            double west = TileMath.pixelX(entry.cell().longitude() - HALF_CELL_DEGREES, WORLD_ZOOM);
            double north = TileMath.pixelY(lat + HALF_CELL_DEGREES, WORLD_ZOOM);
            double south = TileMath.pixelY(lat - HALF_CELL_DEGREES, WORLD_ZOOM);
            x0[size] = (int) Math.max(0, Math.min(WORLD - CELL_WIDTH - 1, Math.floor(west)));
            y0[size] = (int) Math.floor(north);
            height[size] = (int) Math.min(WORLD - 1 - y0[size], Math.max(0, Math.floor(south) - y0[size]));
            count[size] = (byte) k;
            size++;
            points += k;
        }
    }

    // ---- drawing ----

    /** One set of tiles: a zoom level and its tile size in pixels. */
    private record Layer(int zoom, int tileSize) {

        /** World units per pixel, as a power of two. */
        int shift() {
            return WORLD_BITS - Integer.numberOfTrailingZeros(tileSize) - zoom;
        }

        double radius() {
            return (0.75 + 0.125 * zoom) * tileSize / TileMath.TILE_SIZE;
        }

        double weight() {
            return Math.min(1.0, Math.pow(2, (zoom - FULL_WEIGHT_ZOOM) / 2.0));
        }
    }

    private int draw(Cells cells, TileStore.TileSet set, ExecutorService pool, Progress progress) {
        List<Layer> layers = new ArrayList<>();
        layers.add(new Layer(0, 2 * TileMath.TILE_SIZE));
        for (int z = 0; z <= maxZoom; z++) {
            layers.add(new Layer(z, TileMath.TILE_SIZE));
        }
        Painter[] painters = new Painter[threads];
        for (int i = 0; i < threads; i++) {
            painters[i] = new Painter(cells);
        }
        Keys keys = new Keys(new long[Math.max(16, cells.size + (cells.size >> 3))], 0);
        int tiles = 0;
        int done = 0;
        for (Layer layer : layers) {
            keys = sortKeys(cells, layer, keys.keys());
            int drawn = drawLayer(layer, keys, painters, pool, set);
            if (layer.tileSize() == TileMath.TILE_SIZE) {
                tiles += drawn;
            }
            progress.layerDrawn(++done, layers.size(), tiles);
        }
        return tiles;
    }

    /** The first {@code count} of {@code keys} are in use. */
    private record Keys(long[] keys, int count) {
    }

    /**
     * One key per cell and tile its dots may touch (usually one, up to four at tile corners), {@code (x << z | y) << 32
     * | cell}, sorted. Reuses {@code keys} if large enough.
     */
    private static Keys sortKeys(Cells cells, Layer layer, long[] keys) {
        int z = layer.zoom();
        int size = layer.tileSize();
        double scale = 1.0 / (1L << layer.shift());
        double margin = layer.radius() + 1;
        int last = (1 << z) - 1;
        int n = 0;
        for (int c = 0; c < cells.size; c++) {
            double left = cells.x0[c] * scale;
            double top = cells.y0[c] * scale;
            int tx0 = clamp((int) Math.floor((left - margin) / size), last);
            int tx1 = clamp((int) Math.floor((left + CELL_WIDTH * scale + margin) / size), last);
            int ty0 = clamp((int) Math.floor((top - margin) / size), last);
            int ty1 = clamp((int) Math.floor((top + cells.height[c] * scale + margin) / size), last);
            for (int tx = tx0; tx <= tx1; tx++) {
                for (int ty = ty0; ty <= ty1; ty++) {
                    if (n == keys.length) {
                        keys = Arrays.copyOf(keys, Math.min(Integer.MAX_VALUE - 8, n + (n >> 1)));
                    }
                    keys[n++] = ((long) ((tx << z) | ty) << 32) | c;
                }
            }
        }
        Arrays.parallelSort(keys, 0, n);
        return new Keys(keys, n);
    }

    private static int drawLayer(Layer layer, Keys sorted, Painter[] painters, ExecutorService pool,
                                 TileStore.TileSet set) {
        long[] keys = sorted.keys();
        int n = sorted.count();
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || (keys[i] >>> 32) != (keys[i - 1] >>> 32)) {
                count++;
            }
        }
        int groups = count;
        int[] starts = new int[groups + 1];
        for (int i = 0, g = 0; i < n; i++) {
            if (i == 0 || (keys[i] >>> 32) != (keys[i - 1] >>> 32)) {
                starts[g++] = i;
            }
        }
        starts[groups] = n;
        AtomicInteger next = new AtomicInteger();
        AtomicInteger written = new AtomicInteger();
        AtomicBoolean failed = new AtomicBoolean();
        List<Future<?>> futures = new ArrayList<>();
        for (Painter painter : painters) {
            futures.add(pool.submit(() -> {
                try {
                    for (int g = next.getAndIncrement(); g < groups && !failed.get(); g = next.getAndIncrement()) {
                        int tile = (int) (keys[starts[g]] >>> 32);
                        int tx = tile >>> layer.zoom();
                        int ty = tile & ((1 << layer.zoom()) - 1);
                        if (painter.paint(layer, tx, ty, keys, starts[g], starts[g + 1], set)) {
                            written.incrementAndGet();
                        }
                    }
                    return null;
                } catch (Exception | Error e) {
                    failed.set(true);
                    throw e;
                }
            }));
        }
        for (Future<?> future : futures) {
            try {
                future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while rendering datamap tiles", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof UncheckedIOException io) {
                    throw io;
                }
                throw new IllegalStateException("datamap tile rendering failed", e.getCause());
            }
        }
        return written.get();
    }

    /** A worker's buffers: draws one tile at a time. */
    private static final class Painter {
        private final Cells cells;
        private final float[] density = new float[4 * TileMath.TILE_SIZE * TileMath.TILE_SIZE];
        private final byte[] pixels = new byte[density.length];
        /** The indexes of the pixels with a density, each once. */
        private final int[] touched = new int[density.length];

        Painter(Cells cells) {
            this.cells = cells;
        }

        /** Draws one tile from the cells of {@code keys[from, to)} and puts it in {@code set}, unless no pixel shows. */
        boolean paint(Layer layer, int tx, int ty, long[] keys, int from, int to, TileStore.TileSet set) {
            int size = layer.tileSize();
            double scale = 1.0 / (1L << layer.shift());
            double originX = (double) tx * size;
            double originY = (double) ty * size;
            double radius = layer.radius();
            double weight = layer.weight();
            int touches = 0;
            for (int i = from; i < to; i++) {
                int c = (int) keys[i];
                int x0 = cells.x0[c];
                int y0 = cells.y0[c];
                int height = cells.height[c];
                long seed = ((long) x0 << 32) ^ y0;
                // Zoomed out, a cell is a speck: its points make one dot of their weight at its centre.
                boolean speck = Math.max(CELL_WIDTH, height) * scale < SPECK_PIXELS;
                int dots = speck ? 1 : cells.count[c];
                double dotWeight = speck ? weight * cells.count[c] : weight;
                for (int p = 0; p < dots; p++) {
                    double u = 0.5;
                    double v = 0.5;
                    if (!speck) {
                        long random = mix(seed + (p + 1) * MIX);
                        u = (random >>> 40) * 0x1p-24;
                        v = ((random >>> 8) & 0xffffff) * 0x1p-24;
                    }
                    double px = (x0 + u * CELL_WIDTH) * scale - originX;
                    double py = (y0 + v * height) * scale - originY;
                    int left = Math.max(0, (int) Math.floor(px - radius - 0.5));
                    int right = Math.min(size - 1, (int) Math.floor(px + radius + 0.5));
                    int top = Math.max(0, (int) Math.floor(py - radius - 0.5));
                    int bottom = Math.min(size - 1, (int) Math.floor(py + radius + 0.5));
                    if (left > right || top > bottom) {
                        continue;
                    }
                    for (int y = top; y <= bottom; y++) {
                        double dy = y + 0.5 - py;
                        for (int x = left; x <= right; x++) {
                            double dx = x + 0.5 - px;
                            double cover = radius + 0.5 - Math.sqrt(dx * dx + dy * dy);
                            float add = (float) (dotWeight * Math.min(1.0, cover));
                            if (add > 0) {
                                int index = y * size + x;
                                if (density[index] == 0) {
                                    touched[touches++] = index;
                                }
                                density[index] += add;
                            }
                        }
                    }
                }
            }
            int maxAlpha = 0;
            for (int t = 0; t < touches; t++) {
                int index = touched[t];
                int step = (int) (density[index] * ALPHA_STEPS);
                int alpha = ALPHA[Math.min(step, ALPHA.length - 1)];
                pixels[index] = (byte) alpha;
                maxAlpha = Math.max(maxAlpha, alpha);
            }
            try {
                if (maxAlpha > 0) {
                    set.put(new TileImage(layer.zoom(), tx, ty, size / TileMath.TILE_SIZE, RGB, pixels, maxAlpha));
                }
            } finally {
                for (int t = 0; t < touches; t++) {
                    density[touched[t]] = 0;
                    pixels[touched[t]] = 0;
                }
            }
            return maxAlpha > 0;
        }
    }

    private static int[] alphaTable() {
        int[] table = new int[16 * ALPHA_STEPS + 1];
        for (int i = 0; i < table.length; i++) {
            double density = (i + 0.5) / ALPHA_STEPS;
            table[i] = (int) Math.round(255 * MAX_ALPHA * (1 - StrictMath.exp(-density)));
        }
        return table;
    }

    /** SplitMix64's finaliser. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static int clamp(int tile, int last) {
        return Math.max(0, Math.min(last, tile));
    }
}
