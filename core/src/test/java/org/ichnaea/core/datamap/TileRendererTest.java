package org.ichnaea.core.datamap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ichnaea.core.testing.TestTiles.CAPE_TOWN;
import static org.ichnaea.core.testing.TestTiles.CAPE_TOWN_NEXT_DOOR;
import static org.ichnaea.core.testing.TestTiles.CLOCK;
import static org.ichnaea.core.testing.TestTiles.RIO;
import static org.ichnaea.core.testing.TestTiles.TODAY;
import static org.ichnaea.core.testing.TestTiles.TOKYO;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The renderer alone, over {@link InMemoryTileStore}: which tiles, which pixels, what the store is told. The files
 * ({@code adapters-http}'s {@code TileDirectory}) have their own tests there, the same renders as PNG files.
 */
class TileRendererTest {

    private final TileRenderer renderer = new TileRenderer(11, CLOCK);
    private final InMemoryTileStore tiles = new InMemoryTileStore();

    @Test
    void theStoreGetsExactlyTheTilesHoldingCellsAndASummary() {
        InMemoryDataMapStore store = new InMemoryDataMapStore();
        List<GridCell> cells = List.of(RIO, TOKYO, CAPE_TOWN, CAPE_TOWN_NEXT_DOOR);
        store.update(cells, TODAY);

        TileRenderer.Result result = renderer.render(store, tiles, TODAY);

        Set<String> expected = new HashSet<>();
        for (GridCell cell : cells) {
            for (int z = 0; z <= 11; z++) {
                expected.add(InMemoryTileStore.name(z, TileMath.tileX(cell.longitude(), z),
                        TileMath.tileY(cell.latitude(), z), 1));
            }
        }
        expected.add("0/0/0@2x");
        assertThat(tiles.tiles().keySet()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(result.cells()).isEqualTo(4);
        assertThat(result.points()).isEqualTo(24);
        assertThat(result.tiles()).isEqualTo(expected.size() - 1);
        assertThat(tiles.summary()).isEqualTo(new TileStore.Summary(Instant.parse("2024-06-15T03:00:00Z"), 4,
                expected.size() - 1));
        for (TileImage tile : tiles.tiles().values()) {
            assertThat(tile.rgb()).isEqualTo(0x0055d4);
            assertThat(tile.size()).isEqualTo(tile.scale() * 256);
            int max = 0;
            for (byte alpha : tile.alpha()) {
                max = Math.max(max, alpha & 0xff);
            }
            assertThat(tile.maxAlpha()).as("tile %d/%d/%d", tile.zoom(), tile.x(), tile.y()).isEqualTo(max)
                    .isBetween(1, 217);
        }
    }

    @Test
    void dotsAreDrawnWhereTheCellsAreAndNowhereElse() {
        InMemoryDataMapStore store = new InMemoryDataMapStore();
        store.update(List.of(TOKYO), TODAY);
        renderer.render(store, tiles, TODAY);

        for (int z : new int[] {0, 5, 11}) {
            int tx = TileMath.tileX(TOKYO.longitude(), z);
            int ty = TileMath.tileY(TOKYO.latitude(), z);
            TileImage tile = tiles.tile(z, tx, ty);
            double ex = TileMath.pixelX(TOKYO.longitude(), z) - tx * 256.0;
            double ey = TileMath.pixelY(TOKYO.latitude(), z) - ty * 256.0;
            int visibleNear = 0;
            for (int y = 0; y < 256; y++) {
                for (int x = 0; x < 256; x++) {
                    int alpha = tile.alphaAt(x, y);
                    if (Math.hypot(x + 0.5 - ex, y + 0.5 - ey) > 8) {
                        assertThat(alpha).as("zoom %d pixel %d,%d far from the cell", z, x, y).isZero();
                    } else if (alpha > 0) {
                        visibleNear++;
                    }
                }
            }
            assertThat(visibleNear).as("visible pixels near the cell at zoom %d", z).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void progressHearsTheCellsReadAndEveryLayerDrawn() {
        InMemoryDataMapStore store = new InMemoryDataMapStore();
        List<GridCell> cells = new ArrayList<>();
        for (int i = 0; i < TileRenderer.PROGRESS_CELLS + 5; i++) {
            cells.add(GridCell.of(10 + i / 1000 * 0.001, 20 + i % 1000 * 0.001));
        }
        store.update(cells, TODAY);
        List<Long> read = new ArrayList<>();
        List<String> layers = new ArrayList<>();
        TileRenderer.Result result = renderer.render(store, tiles, TODAY, new TileRenderer.Progress() {
            @Override
            public void cellsRead(long n) {
                read.add(n);
            }

            @Override
            public void layerDrawn(int done, int total, long tiles) {
                layers.add(done + "/" + total + ":" + tiles);
            }
        });

        assertThat(read).containsExactly((long) TileRenderer.PROGRESS_CELLS, (long) cells.size());
        assertThat(layers).as("the 2x world tile, then zoom 0 to 11").hasSize(13)
                .startsWith("1/13:0", "2/13:1").endsWith("13/13:" + result.tiles());
    }

    @Test
    void twoRendersGiveIdenticalPixels() {
        InMemoryDataMapStore store = new InMemoryDataMapStore();
        store.update(List.of(RIO, TOKYO, CAPE_TOWN, CAPE_TOWN_NEXT_DOOR), TODAY);
        store.update(List.of(GridCell.of(48.857, 2.352)), TODAY.minusDays(120));
        InMemoryTileStore other = new InMemoryTileStore();

        renderer.render(store, tiles, TODAY);
        new TileRenderer(11, CLOCK).render(store, other, TODAY);

        Map<String, TileImage> a = tiles.tiles();
        Map<String, TileImage> b = other.tiles();
        assertThat(a).hasSizeGreaterThan(40);
        assertThat(b.keySet()).isEqualTo(a.keySet());
        a.forEach((name, tile) -> assertThat(Arrays.equals(b.get(name).alpha(), tile.alpha())).as(name).isTrue());
    }

    @Test
    void aFailingStorePublishesNothingAndLetsTheNextRenderIn() {
        InMemoryDataMapStore store = new InMemoryDataMapStore();
        store.update(List.of(RIO), TODAY);
        renderer.render(store, tiles, TODAY);
        Map<String, TileImage> published = tiles.tiles();
        store.update(List.of(TOKYO), TODAY);
        AtomicInteger puts = new AtomicInteger();
        TileStore failing = () -> {
            TileStore.TileSet set = tiles.begin();
            return new TileStore.TileSet() {
                @Override
                public void put(TileImage tile) {
                    if (puts.incrementAndGet() == 5) {
                        throw new UncheckedIOException(new IOException("disk full"));
                    }
                    set.put(tile);
                }

                @Override
                public void publish(TileStore.Summary summary) {
                    set.publish(summary);
                }

                @Override
                public void close() {
                    set.close();
                }
            };
        };

        assertThatThrownBy(() -> renderer.render(store, failing, TODAY)).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("disk full");

        assertThat(tiles.tiles()).isEqualTo(published);
        assertThat(renderer.render(store, tiles, TODAY).cells()).as("the set was closed").isEqualTo(2);
        assertThat(tiles.tiles()).as("both cities, zoom 0 shared").hasSize(24);
    }

    @Test
    void aLowerMaxZoomStopsThere() {
        InMemoryDataMapStore store = new InMemoryDataMapStore();
        store.update(List.of(RIO), TODAY);

        TileRenderer.Result result = new TileRenderer(3, CLOCK).render(store, tiles, TODAY);

        assertThat(result.tiles()).isEqualTo(4);
        assertThat(tiles.tiles()).hasSize(5).allSatisfy((name, tile) -> assertThat(tile.zoom()).isLessThanOrEqualTo(3));
        assertThatThrownBy(() -> new TileRenderer(16)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cellsFadeWithAgeAndVanishAfterAYear() {
        assertThat(TileRenderer.pointCount(TODAY, TODAY)).isEqualTo(6);
        assertThat(TileRenderer.pointCount(TODAY.plusDays(3), TODAY)).isEqualTo(6);
        assertThat(TileRenderer.pointCount(TODAY.minusDays(44), TODAY)).isEqualTo(6);
        assertThat(TileRenderer.pointCount(TODAY.minusDays(45), TODAY)).isEqualTo(5);
        assertThat(TileRenderer.pointCount(TODAY.minusDays(100), TODAY)).isEqualTo(5);
        assertThat(TileRenderer.pointCount(TODAY.minusDays(200), TODAY)).isEqualTo(3);
        assertThat(TileRenderer.pointCount(TODAY.minusDays(344), TODAY)).isEqualTo(1);
        assertThat(TileRenderer.pointCount(TODAY.minusDays(345), TODAY)).isZero();
        assertThat(TileRenderer.pointCount(TODAY.minusMonths(14), TODAY)).isZero();
    }
}
