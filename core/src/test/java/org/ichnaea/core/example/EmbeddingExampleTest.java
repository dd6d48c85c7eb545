package org.ichnaea.core.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.ichnaea.core.geo.BoundingBox;
import org.ichnaea.core.locate.Locator;
import org.ichnaea.core.locate.Position;
import org.ichnaea.core.locate.QueryInput;
import org.ichnaea.core.locate.RegionAnswer;
import org.ichnaea.core.radio.MacAddress;
import org.ichnaea.core.region.InMemoryRegionShapes;
import org.ichnaea.core.region.RegionShapes;
import org.ichnaea.core.station.InMemoryWifiStationStore;
import org.ichnaea.core.station.MacStation;
import org.ichnaea.core.station.StationData;
import org.ichnaea.core.station.WifiStationStore;
import org.junit.jupiter.api.Test;

/** Runs the embedding example of the README, and checks the README still shows exactly this code. */
class EmbeddingExampleTest {

    private static final Path THIS_FILE =
            Path.of("src/test/java/org/ichnaea/core/example/EmbeddingExampleTest.java");
    private static final Path README = Path.of("../README.md");

    @Test
    void another_app_builds_a_locator_over_in_memory_stores_and_asks_for_a_position_and_a_region() {
        // README:begin
        WifiStationStore wifi = new InMemoryWifiStationStore();
        Instant now = Instant.now();
        wifi.saveAll(List.of(
                new MacStation(MacAddress.of("aa:bb:cc:00:00:01"), StationData.at(52.5200, 13.4050, 30, now)
                        .withRegion("DE")),
                new MacStation(MacAddress.of("aa:bb:cc:00:00:02"), StationData.at(52.5203, 13.4052, 30, now)
                        .withRegion("DE"))));
        RegionShapes regions = new InMemoryRegionShapes()
                .add("DE", "Germany", 463_000, new BoundingBox(47.3, 5.9, 55.1, 15.0));
        Locator locator = Locator.builder().wifiStations(wifi).regions(regions).build();

        QueryInput query = QueryInput.builder()
                .wifi("AA:BB:CC:00:00:01", -55)
                .wifi("aa-bb-cc-00-00-02", -70)
                .build();
        Optional<Position> position = locator.locate(query);
        Optional<RegionAnswer> region = locator.region(query);
        // README:end

        assertThat(position).hasValueSatisfying(p -> {
            assertThat(p.lat()).isCloseTo(52.5201, within(0.0002));
            assertThat(p.lon()).isCloseTo(13.4051, within(0.0002));
            assertThat(p.accuracy()).isBetween(10.0, 50.0);
            assertThat(p.fallback()).isNull();
        });
        assertThat(region).contains(new RegionAnswer("DE", "Germany", null));
    }

    @Test
    void the_readme_shows_the_example_verbatim() throws IOException {
        String source = Files.readString(THIS_FILE, StandardCharsets.UTF_8);
        String example = source.substring(source.indexOf("// README:begin") + "// README:begin".length(),
                source.indexOf("// README:end"));
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        assertThat(normalise(readme)).contains(normalise(example));
    }

    private static String normalise(String code) {
        return code.lines().map(String::strip).filter(l -> !l.isEmpty()).collect(Collectors.joining("\n"));
    }
}
