package org.ichnaea.core.bench;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.ichnaea.core.geo.BoundingBox;
import org.ichnaea.core.geo.Geodesy;
import org.ichnaea.core.geoip.GeoIpRecord;
import org.ichnaea.core.geoip.InMemoryGeoIpDatabase;
import org.ichnaea.core.locate.Locator;
import org.ichnaea.core.locate.Position;
import org.ichnaea.core.locate.QueryInput;
import org.ichnaea.core.radio.CellId;
import org.ichnaea.core.radio.MacAddress;
import org.ichnaea.core.radio.RadioType;
import org.ichnaea.core.region.InMemoryRegionShapes;
import org.ichnaea.core.station.CellStation;
import org.ichnaea.core.station.InMemoryBlueStationStore;
import org.ichnaea.core.station.InMemoryCellStationStore;
import org.ichnaea.core.station.InMemoryWifiStationStore;
import org.ichnaea.core.station.MacStation;
import org.ichnaea.core.station.StationData;
import org.ichnaea.core.station.StationSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The locate engine alone (normalisation + search over in-memory stores), one thread: Wi-Fi queries of 5, 20 and 50
 * known networks, a 3-cell query, and a mixed query (Wi-Fi, Bluetooth, cells and an IP). {@link #baselineDistance}
 * is one Vincenty distance, the unit the engine spends most of its time in; report the others as ratios to it.
 *
 * <p>Run: {@code mvn -B -q -pl core -Pbench test-compile exec:exec} (see docs/benchmarks.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LocateBenchmark {

    private static final Instant NOW = Instant.parse("2026-06-15T12:00:00Z");
    private static final int QUERIES = 64;

    private Locator locator;
    private final List<QueryInput> wifi5 = new ArrayList<>();
    private final List<QueryInput> wifi20 = new ArrayList<>();
    private final List<QueryInput> wifi50 = new ArrayList<>();
    private final List<QueryInput> cells3 = new ArrayList<>();
    private final List<QueryInput> mixed = new ArrayList<>();
    private int next;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(42);
        InMemoryWifiStationStore wifi = new InMemoryWifiStationStore();
        InMemoryBlueStationStore blue = new InMemoryBlueStationStore();
        InMemoryCellStationStore cells = new InMemoryCellStationStore();
        long mac = 0x0A0000000000L;
        for (int q = 0; q < QUERIES; q++) {
            // Each query is a different place in Europe with its own networks scattered over ~150 m.
            double lat = 45 + random.nextDouble() * 10;
            double lon = 0 + random.nextDouble() * 15;
            List<String> macs = new ArrayList<>();
            List<MacStation> stations = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                MacAddress m = new MacAddress(++mac);
                stations.add(new MacStation(m, station(lat + random.nextDouble() * 0.0014,
                        lon + random.nextDouble() * 0.002, random.nextInt(1, 200))));
                macs.add(m.hex());
            }
            wifi.saveAll(stations);
            wifi5.add(wifiQuery(macs.subList(0, 5), random));
            wifi20.add(wifiQuery(macs.subList(0, 20), random));
            wifi50.add(wifiQuery(macs, random));

            List<CellStation> cellStations = new ArrayList<>();
            QueryInput.Builder cellQuery = QueryInput.builder();
            for (int c = 0; c < 3; c++) {
                CellId id = new CellId(RadioType.LTE, 262, 2, 1000 + q, 10_000 + c);
                cellStations.add(new CellStation(id, null, station(lat + c * 0.01, lon, 50)));
                cellQuery.cell("lte", 262, 2, 1000 + q, 10_000 + c, -80 - c * 5);
            }
            cells.saveAll(cellStations);
            cells3.add(cellQuery.build());

            List<MacStation> beacons = new ArrayList<>();
            QueryInput.Builder mixedQuery = QueryInput.builder().ip("81.2.69.160");
            for (int b = 0; b < 3; b++) {
                MacAddress m = new MacAddress(++mac);
                beacons.add(new MacStation(m, station(lat + b * 0.0001, lon, 20)));
                mixedQuery.blue(m.hex(), -70 - b);
            }
            blue.saveAll(beacons);
            macs.subList(0, 10).forEach(m -> mixedQuery.wifi(m, -60 - random.nextInt(30)));
            for (int c = 0; c < 2; c++) {
                mixedQuery.cell("lte", 262, 2, 1000 + q, 10_000 + c, -85);
            }
            mixed.add(mixedQuery.build());
        }
        InMemoryGeoIpDatabase geoIp = new InMemoryGeoIpDatabase()
                .put("81.2.69.160", new GeoIpRecord(51.5142, -0.0931, "GB", 100, true, 2643743L));
        InMemoryRegionShapes regions = new InMemoryRegionShapes()
                .add("GB", "United Kingdom", 543_000, new BoundingBox(49.9, -8.6, 60.9, 1.8));
        locator = Locator.builder().wifiStations(wifi).blueStations(blue).cellStations(cells).geoIp(geoIp)
                .regions(regions).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
        for (List<QueryInput> queries : List.of(wifi5, wifi20, wifi50, cells3, mixed)) {
            if (queries.stream().anyMatch(q -> locator.locate(q).isEmpty())) {
                throw new IllegalStateException("a benchmark query finds no position");
            }
        }
    }

    private static StationData station(double lat, double lon, long samples) {
        Instant created = NOW.minusSeconds(86_400L * 90);
        return new StationData(lat, lon, lat + 0.0005, lat - 0.0005, lon + 0.0005, lon - 0.0005, 60, null, samples,
                StationSource.GNSS, (double) samples, created, NOW.minusSeconds(86_400L * 3),
                LocalDate.of(2026, 6, 12), null, null, null);
    }

    private static QueryInput wifiQuery(List<String> macs, SplittableRandom random) {
        QueryInput.Builder b = QueryInput.builder();
        macs.forEach(m -> b.wifi(new QueryInput.Wifi(m, (long) random.nextInt(0, 5000), null, 2437L,
                (long) -(40 + random.nextInt(50)), null, "net")));
        return b.build();
    }

    private QueryInput pick(List<QueryInput> queries) {
        next = (next + 1) & (QUERIES - 1);
        return queries.get(next);
    }

    @Benchmark
    public double baselineDistance() {
        next = (next + 1) & (QUERIES - 1);
        return Geodesy.distance(51.5, -0.1, 51.5 + next * 1e-5, -0.1 + next * 1e-5);
    }

    @Benchmark
    public Optional<Position> wifi5() {
        return locator.locate(pick(wifi5));
    }

    @Benchmark
    public Optional<Position> wifi20() {
        return locator.locate(pick(wifi20));
    }

    @Benchmark
    public Optional<Position> wifi50() {
        return locator.locate(pick(wifi50));
    }

    @Benchmark
    public Optional<Position> cells3() {
        return locator.locate(pick(cells3));
    }

    @Benchmark
    public Optional<Position> mixed() {
        return locator.locate(pick(mixed));
    }
}
