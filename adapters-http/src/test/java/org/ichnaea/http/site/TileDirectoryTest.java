package org.ichnaea.http.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ichnaea.core.testing.TestTiles.CAPE_TOWN;
import static org.ichnaea.core.testing.TestTiles.CAPE_TOWN_NEXT_DOOR;
import static org.ichnaea.core.testing.TestTiles.CLOCK;
import static org.ichnaea.core.testing.TestTiles.RIO;
import static org.ichnaea.core.testing.TestTiles.TODAY;
import static org.ichnaea.core.testing.TestTiles.TOKYO;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.ichnaea.core.datamap.GridCell;
import org.ichnaea.core.datamap.InMemoryDataMapStore;
import org.ichnaea.core.datamap.TileMath;
import org.ichnaea.core.datamap.TileRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tiles as files: {@link TileRenderer} into a {@link TileDirectory}, the tests the renderer had while it wrote the
 * directory itself (before issue 16 split it), with the directory's swap and crash recovery.
 */
class TileDirectoryTest {

    private final TileRenderer renderer = new TileRenderer(11, CLOCK);

    @TempDir
    Path dir;

    @Test
    void writesExactlyTheTilesHoldingCells() throws IOException {
        InMemoryDataMapStore store = new InMemoryDataMapStore();
        List<GridCell> cells = List.of(RIO, TOKYO, CAPE_TOWN, CAPE_TOWN_NEXT_DOOR);
        store.update(cells, TODAY);
        Path tiles = dir.resolve("tiles");

        TileRenderer.Result result = renderer.render(store, new TileDirectory(tiles), TODAY);

        Set<String> expected = new HashSet<>();
        for (GridCell cell : cells) {
            for (int z = 0; z <= 11; z++) {
                assertThat(interior(cell, z)).as("test cell %s is inside its tile at zoom %d", cell, z).isTrue();
                expected.add(z + "/" + TileMath.tileX(cell.longitude(), z) + "/" + TileMath.tileY(cell.latitude(), z)
                        + ".png");
            }
        }
        assertThat(expected).contains("0/0/0.png", "5/12/18.png", "11/1818/806.png", "11/1128/1229.png",
                "11/778/1157.png");
        assertThat(pngs(tiles)).containsExactlyInAnyOrderElementsOf(union(expected, Set.of("0/0/0@2x.png")));
        assertThat(result.cells()).isEqualTo(4);
        assertThat(result.points()).isEqualTo(24);
        assertThat(result.tiles()).isEqualTo(expected.size());
        assertThat(Files.readString(tiles.resolve("data.json"))).isEqualTo(
                "{\"updated\": \"2024-06-15T03:00:00Z\", \"cells\": 4, \"tiles\": " + expected.size() + "}\n");
        assertThat(siblings()).containsExactly("tiles");
    }

    @Test
    void dotsAreDrawnWhereTheCellsAreAndNowhereElse() throws IOException {
        InMemoryDataMapStore store = new InMemoryDataMapStore();
        store.update(List.of(TOKYO), TODAY);
        Path tiles = dir.resolve("tiles");
        renderer.render(store, new TileDirectory(tiles), TODAY);

        for (int z : new int[] {0, 5, 11}) {
            int tx = TileMath.tileX(TOKYO.longitude(), z);
            int ty = TileMath.tileY(TOKYO.latitude(), z);
            BufferedImage image = ImageIO.read(tiles.resolve(z + "/" + tx + "/" + ty + ".png").toFile());
            assertThat(image.getWidth()).isEqualTo(256);
            assertThat(image.getHeight()).isEqualTo(256);
            double ex = TileMath.pixelX(TOKYO.longitude(), z) - tx * 256.0;
            double ey = TileMath.pixelY(TOKYO.latitude(), z) - ty * 256.0;
            int visibleNear = 0;
            for (int y = 0; y < 256; y++) {
                for (int x = 0; x < 256; x++) {
                    int argb = image.getRGB(x, y);
                    int alpha = argb >>> 24;
                    double distance = Math.hypot(x + 0.5 - ex, y + 0.5 - ey);
                    if (distance > 8) {
                        assertThat(alpha).as("zoom %d pixel %d,%d far from the cell", z, x, y).isZero();
                    } else if (alpha > 0) {
                        visibleNear++;
                        assertThat(argb & 0xffffff).isEqualTo(0x0055d4);
                        assertThat(alpha).isLessThan(255);
                    }
                }
            }
            assertThat(visibleNear).as("visible pixels near the cell at zoom %d", z).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void dotsGrowWithTheZoom() throws IOException {
        InMemoryDataMapStore store = new InMemoryDataMapStore();
        store.update(List.of(TOKYO), TODAY);
        Path tiles = dir.resolve("tiles");
        renderer.render(store, new TileDirectory(tiles), TODAY);

        assertThat(visiblePixels(tiles, TOKYO, 11)).isGreaterThan(visiblePixels(tiles, TOKYO, 0));
    }

    @Test
    void theRetinaWorldTileIs512PixelsSquare() throws IOException {
        InMemoryDataMapStore store = new InMemoryDataMapStore();
        store.update(List.of(RIO), TODAY);
        Path tiles = dir.resolve("tiles");
        renderer.render(store, new TileDirectory(tiles), TODAY);

        BufferedImage image = ImageIO.read(tiles.resolve("0/0/0@2x.png").toFile());
        assertThat(image.getWidth()).isEqualTo(512);
        assertThat(image.getHeight()).isEqualTo(512);
        int x = (int) (TileMath.pixelX(RIO.longitude(), 1));
        int y = (int) (TileMath.pixelY(RIO.latitude(), 1));
        assertThat(image.getRGB(x, y) >>> 24).isPositive();
        assertThat(image.getRGB(10, 10) >>> 24).isZero();
    }

    @Test
    void aCellOnATileEdgeShowsInBothTiles() throws IOException {
        // Zoom 11 tile column 1100 starts at 13.359375° E, inside the cell 13.3585..13.3595.
        GridCell edge = new GridCell(40_000, 13_359);
        InMemoryDataMapStore store = new InMemoryDataMapStore();
        store.update(List.of(edge), TODAY);
        Path tiles = dir.resolve("tiles");
        renderer.render(store, new TileDirectory(tiles), TODAY);

        int ty = TileMath.tileY(edge.latitude(), 11);
        assertThat(pngs(tiles)).contains("11/1099/" + ty + ".png", "11/1100/" + ty + ".png");
    }

    @Test
    void cellsOlderThanThirteenMonthsDrawNothing() throws IOException {
        InMemoryDataMapStore store = new InMemoryDataMapStore();
        store.update(List.of(RIO, TOKYO), TODAY.minusMonths(14));
        Path tiles = dir.resolve("tiles");

        TileRenderer.Result result = renderer.render(store, new TileDirectory(tiles), TODAY);

        assertThat(result.cells()).isZero();
        assertThat(result.points()).isZero();
        assertThat(result.tiles()).isZero();
        assertThat(pngs(tiles)).isEmpty();
        assertThat(Files.readString(tiles.resolve("data.json"))).contains("\"cells\": 0, \"tiles\": 0");
    }

    @Test
    void aRerenderRemovesTilesOfDeletedCells() throws IOException {
        InMemoryDataMapStore store = new InMemoryDataMapStore();
        store.update(List.of(RIO), TODAY.minusDays(10));
        store.update(List.of(TOKYO), TODAY);
        Path tiles = dir.resolve("tiles");
        renderer.render(store, new TileDirectory(tiles), TODAY);
        String rio = "11/" + TileMath.tileX(RIO.longitude(), 11) + "/" + TileMath.tileY(RIO.latitude(), 11) + ".png";
        String tokyo = "11/" + TileMath.tileX(TOKYO.longitude(), 11) + "/" + TileMath.tileY(TOKYO.latitude(), 11)
                + ".png";
        assertThat(pngs(tiles)).contains(rio, tokyo);

        store.deleteModifiedBefore(TODAY);
        TileRenderer.Result result = renderer.render(store, new TileDirectory(tiles), TODAY);

        assertThat(pngs(tiles)).contains(tokyo).doesNotContain(rio).hasSize(13);
        assertThat(result.tiles()).isEqualTo(12);
        assertThat(Files.list(tiles.resolve("11")).count()).isEqualTo(1);
        assertThat(siblings()).containsExactly("tiles");
    }

    @Test
    void twoRendersGiveIdenticalBytes() throws IOException {
        InMemoryDataMapStore store = new InMemoryDataMapStore();
        store.update(List.of(RIO, TOKYO, CAPE_TOWN, CAPE_TOWN_NEXT_DOOR), TODAY);
        store.update(List.of(GridCell.of(48.857, 2.352)), TODAY.minusDays(120));

        renderer.render(store, new TileDirectory(dir.resolve("a")), TODAY);
        renderer.render(store, new TileDirectory(dir.resolve("b")), TODAY);
        new TileRenderer(11, CLOCK).render(store, new TileDirectory(dir.resolve("c")), TODAY);

        TreeMap<String, byte[]> a = contents(dir.resolve("a"));
        assertThat(a).hasSizeGreaterThan(40);
        for (String other : List.of("b", "c")) {
            TreeMap<String, byte[]> b = contents(dir.resolve(other));
            assertThat(b.keySet()).isEqualTo(a.keySet());
            a.forEach((name, bytes) -> assertThat(b.get(name)).as(name).isEqualTo(bytes));
        }
    }

    @Test
    void aLowerMaxZoomStopsThere() throws IOException {
        InMemoryDataMapStore store = new InMemoryDataMapStore();
        store.update(List.of(RIO), TODAY);
        Path tiles = dir.resolve("tiles");

        TileRenderer.Result result = new TileRenderer(3, CLOCK).render(store, new TileDirectory(tiles), TODAY);

        assertThat(result.tiles()).isEqualTo(4);
        assertThat(pngs(tiles)).hasSize(5).allMatch(name -> name.charAt(0) <= '3');
        assertThatThrownBy(() -> new TileRenderer(16)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void leftoversOfAnInterruptedRenderAreCleanedUp() throws IOException {
        Path tiles = dir.resolve("tiles");
        Files.createDirectories(dir.resolve("tiles.new/3/1"));
        Files.write(dir.resolve("tiles.new/3/1/2.png"), new byte[] {1, 2});
        Files.createDirectories(dir.resolve("tiles.old/4"));
        Files.createDirectories(tiles.resolve("9/9"));
        Files.write(tiles.resolve("9/9/9.png"), new byte[] {3});
        InMemoryDataMapStore store = new InMemoryDataMapStore();
        store.update(List.of(RIO), TODAY);

        renderer.render(store, new TileDirectory(tiles), TODAY);

        assertThat(siblings()).containsExactly("tiles");
        assertThat(pngs(tiles)).hasSize(13).doesNotContain("9/9/9.png");
    }

    @Test
    void recoveryPrefersACompleteNewSetThenTheOldOne() throws IOException {
        Path tiles = dir.resolve("tiles");
        Path fresh = dir.resolve("tiles.new");
        Path old = dir.resolve("tiles.old");

        // Crashed between the two renames, the new set complete.
        Files.createDirectories(fresh);
        Files.writeString(fresh.resolve("data.json"), "{}");
        Files.createDirectories(old);
        Files.writeString(old.resolve("data.json"), "{\"old\": true}");
        TileDirectory.recover(tiles, fresh, old);
        assertThat(Files.readString(tiles.resolve("data.json"))).isEqualTo("{}");
        assertThat(siblings()).containsExactly("tiles");

        // Crashed between the renames with a partial new set (cannot happen: data.json is written last).
        Files.move(tiles, old);
        Files.createDirectories(fresh.resolve("0/0"));
        TileDirectory.recover(tiles, fresh, old);
        assertThat(Files.readString(tiles.resolve("data.json"))).isEqualTo("{}");
        assertThat(siblings()).containsExactly("tiles");

        // Crashed while drawing: the published set stays.
        Files.createDirectories(fresh.resolve("0/0"));
        TileDirectory.recover(tiles, fresh, old);
        assertThat(Files.readString(tiles.resolve("data.json"))).isEqualTo("{}");
        assertThat(siblings()).containsExactly("tiles");
    }

    private static boolean interior(GridCell cell, int z) {
        double x = TileMath.pixelX(cell.longitude(), z) % 256;
        double y = TileMath.pixelY(cell.latitude(), z) % 256;
        return x > 8 && x < 248 && y > 8 && y < 248;
    }

    private static int visiblePixels(Path tiles, GridCell cell, int z) throws IOException {
        int tx = TileMath.tileX(cell.longitude(), z);
        int ty = TileMath.tileY(cell.latitude(), z);
        BufferedImage image = ImageIO.read(tiles.resolve(z + "/" + tx + "/" + ty + ".png").toFile());
        int visible = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (image.getRGB(x, y) >>> 24 != 0) {
                    visible++;
                }
            }
        }
        return visible;
    }

    /** What lies beside the tiles directory, but for the lock file that stays there by design. */
    private List<String> siblings() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(name -> !name.equals("tiles.lock")).sorted()
                    .toList();
        }
    }

    private static Set<String> pngs(Path tiles) throws IOException {
        try (Stream<Path> files = Files.walk(tiles)) {
            return files.filter(Files::isRegularFile).map(p -> tiles.relativize(p).toString().replace('\\', '/'))
                    .filter(name -> name.endsWith(".png")).collect(Collectors.toSet());
        }
    }

    private static TreeMap<String, byte[]> contents(Path tiles) throws IOException {
        TreeMap<String, byte[]> contents = new TreeMap<>();
        try (Stream<Path> files = Files.walk(tiles)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                contents.put(tiles.relativize(file).toString(), Files.readAllBytes(file));
            }
        }
        return contents;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> union = new HashSet<>(a);
        union.addAll(b);
        return union;
    }
}
