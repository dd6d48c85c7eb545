package org.ichnaea.http.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.ichnaea.core.datamap.GridCell;
import org.ichnaea.core.datamap.InMemoryDataMapStore;
import org.ichnaea.core.datamap.TileRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tiles of a fixed data map, file by file: a SHA-256 of every file the render publishes and the listing of the
 * directory and its siblings, against {@code tiles-golden.sha256}. Recorded before the renderer was split into core
 * ({@link TileRenderer}) and this adapter ({@link TileDirectory}, issue 16): the split changed no byte. On a mismatch the actual manifest is written to
 * {@code target/tiles-golden.actual} to be compared.
 */
class TileGoldenTest {

    private static final LocalDate TODAY = LocalDate.of(2024, 6, 15);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-15T03:00:00Z"), ZoneOffset.UTC);
    private static final String GOLDEN = "tiles-golden.sha256";

    @TempDir
    Path dir;

    @Test
    void aFixedDataMapRendersToTheRecordedFiles() throws IOException {
        InMemoryDataMapStore store = goldenDataMap();
        assertThat(store.count()).isBetween(300L, 600L);

        TileRenderer.Result result = new TileRenderer(11, CLOCK).render(store, new TileDirectory(dir.resolve("tiles")),
                TODAY);

        assertThat(result.tiles()).isGreaterThan(100);
        String actual = manifest(dir);
        String expected;
        try (InputStream in = TileGoldenTest.class.getResourceAsStream(GOLDEN)) {
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!actual.equals(expected)) {
            Path target = Path.of("target");
            if (Files.isDirectory(target)) {
                Files.writeString(target.resolve("tiles-golden.actual"), actual);
            }
        }
        assertThat(actual).isEqualTo(expected);
    }

    /**
     * About 450 cells in eight places (two cities, a dense block, both sides of the antimeridian, the far north beyond
     * the map, the origin, a tile edge), modified between today and 400 days ago so that every point count from 6 to 0
     * occurs. Seeded: the same cells on every run.
     */
    static InMemoryDataMapStore goldenDataMap() {
        SplittableRandom random = new SplittableRandom(20240615);
        Map<LocalDate, List<GridCell>> byDay = new TreeMap<>();
        double[][] places = {
            {52.520, 13.405, 0.08}, // Berlin
            {40.417, -3.704, 0.05}, // Madrid
            {35.676, 139.650, 0.02}, // Tokyo, dense
            {-17.713, 179.950, 0.08}, // Fiji, across the antimeridian
            {85.040, 20.000, 0.05}, // beyond the map's latitude in part
            {0.000, 0.000, 0.01}, // the origin, four tiles meet
            {-33.925, 18.424, 0.30}, // Cape Town, sparse
            {40.000, 13.359, 0.002}, // a zoom 11 tile edge
        };
        for (double[] place : places) {
            for (int i = 0; i < 56; i++) {
                double lat = place[0] + (random.nextDouble() * 2 - 1) * place[2];
                double lon = place[1] + (random.nextDouble() * 2 - 1) * place[2];
                lon = lon > 180 ? lon - 360 : lon;
                LocalDate day = TODAY.minusDays(random.nextInt(401));
                byDay.computeIfAbsent(day, d -> new ArrayList<>()).add(GridCell.of(lat, lon));
            }
        }
        InMemoryDataMapStore store = new InMemoryDataMapStore();
        byDay.forEach((day, cells) -> store.update(cells, day));
        return store;
    }

    /** {@code <sha-256>  <path>} for every file under {@code root}, {@code <path>/} for directories, sorted by path. */
    static String manifest(Path root) throws IOException {
        TreeMap<String, String> lines = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.filter(p -> !p.equals(root)).toList()) {
                String name = root.relativize(path).toString().replace('\\', '/');
                lines.put(name, Files.isDirectory(path) ? name + "/" : sha256(Files.readAllBytes(path)) + "  " + name);
            }
        }
        return String.join("\n", lines.values()) + "\n";
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
