package org.ichnaea.mysql.bench;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.ichnaea.core.radio.MacAddress;
import org.ichnaea.core.station.MacStation;
import org.ichnaea.core.station.StationData;
import org.ichnaea.core.station.StationSource;
import org.ichnaea.mysql.Database;
import org.ichnaea.mysql.MysqlSettings;
import org.ichnaea.mysql.MysqlWifiStationStore;

/**
 * Wi-Fi station store against a real database: bulk insert rate up to N stations, then lookups of 5 random known
 * MACs (one call of {@code findAll}, one query per shard touched) with median and p99 latency.
 *
 * <pre>
 * mvn -B -q -pl adapters-mysql -Pbench test-compile exec:exec \
 *     -Dbench.args="jdbc:mariadb://127.0.0.1:3306/ichnaea_bench?user=root 100000 20000"
 * </pre>
 * Arguments: database URI, station count N, number of measured lookups. Stations already present are kept, so
 * a second run with a larger N only inserts the difference.
 */
public final class StationStoreBenchmark {

    private static final Instant NOW = Instant.parse("2026-06-15T12:00:00Z");
    private static final int BATCH = 5000;

    private StationStoreBenchmark() {
    }

    /** The i-th benchmark MAC: spread over all shards and prefixes, never a reserved address. */
    static MacAddress mac(long i) {
        long bits = ((i + 1) * 0x9E3779B97F4AL) & 0xFFFF_FFFF_FFFFL;
        return new MacAddress(bits == 0xFFFF_FFFF_FFFFL || bits == 0 ? 0x0200_0000_0001L : bits | 0x0200_0000_0000L);
    }

    public static void main(String[] args) {
        String uri = args.length > 0 ? args[0] : "jdbc:mariadb://127.0.0.1:3306/ichnaea_bench?user=root";
        long stations = args.length > 1 ? Long.parseLong(args[1]) : 100_000;
        int lookups = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
        try (Database db = Database.open(MysqlSettings.fromUri(uri, false, 4))) {
            db.migrate();
            MysqlWifiStationStore store = new MysqlWifiStationStore(db, db);
            long present = store.count();
            System.out.printf("database %s: %,d stations present%n", db.dialect(), present);
            if (present < stations) {
                insert(store, present, stations);
            }
            // The first `stations` benchmark MACs are there (other rows, such as a pipeline run's, may be too).
            measure(store, stations, lookups);
        }
    }

    private static void insert(MysqlWifiStationStore store, long from, long to) {
        SplittableRandom random = new SplittableRandom(from);
        long start = System.nanoTime();
        List<MacStation> batch = new ArrayList<>(BATCH);
        for (long i = from; i < to; i++) {
            double lat = -60 + random.nextDouble() * 130;
            double lon = -180 + random.nextDouble() * 360;
            batch.add(new MacStation(mac(i), new StationData(lat, lon, lat + 0.001, lat - 0.001, lon + 0.001,
                    lon - 0.001, 100, null, (long) random.nextInt(1, 100), StationSource.GNSS, 5.0,
                    NOW.minusSeconds(random.nextInt(0, 86_400 * 365)), NOW, LocalDate.of(2026, 6, 15), null, null,
                    null)));
            if (batch.size() == BATCH || i == to - 1) {
                store.saveAll(batch);
                batch.clear();
                if ((i + 1) % 500_000 == 0 || i == to - 1) {
                    double seconds = (System.nanoTime() - start) / 1e9;
                    System.out.printf("inserted %,d stations in %.1f s: %,.0f stations/s%n", i + 1 - from, seconds,
                            (i + 1 - from) / seconds);
                }
            }
        }
    }

    private static void measure(MysqlWifiStationStore store, long known, int lookups) {
        SplittableRandom random = new SplittableRandom(99);
        for (int i = 0; i < Math.min(2000, lookups); i++) {
            lookup(store, random, known);
        }
        long[] nanos = new long[lookups];
        for (int i = 0; i < lookups; i++) {
            long start = System.nanoTime();
            int found = lookup(store, random, known);
            nanos[i] = System.nanoTime() - start;
            if (found != 5) {
                throw new IllegalStateException("expected 5 stations, found " + found);
            }
        }
        Arrays.sort(nanos);
        System.out.printf("%,d lookups of 5 random MACs among %,d stations: median %.3f ms, p99 %.3f ms, "
                        + "max %.3f ms%n", lookups, known, nanos[lookups / 2] / 1e6, nanos[(int) (lookups * 0.99)] / 1e6,
                nanos[lookups - 1] / 1e6);
    }

    private static int lookup(MysqlWifiStationStore store, SplittableRandom random, long known) {
        List<MacAddress> macs = new ArrayList<>(5);
        while (macs.size() < 5) {
            MacAddress m = mac(random.nextLong(known));
            if (!macs.contains(m)) {
                macs.add(m);
            }
        }
        return store.findAll(macs).size();
    }
}
