package org.ichnaea.mysql.bench;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.ichnaea.core.pipeline.Pipeline;
import org.ichnaea.core.pipeline.ReportObservations;
import org.ichnaea.core.pipeline.StationUpdater;
import org.ichnaea.core.queue.InMemoryDataQueue;
import org.ichnaea.core.radio.MacAddress;
import org.ichnaea.core.radio.MobileCountryCodes;
import org.ichnaea.core.radio.WifiObservation;
import org.ichnaea.core.station.StationSource;
import org.ichnaea.core.submit.IncomingReport;
import org.ichnaea.core.submit.Report;
import org.ichnaea.core.submit.ReportPosition;
import org.ichnaea.core.testing.TestRegions;
import org.ichnaea.mysql.Database;
import org.ichnaea.mysql.MysqlBlueStationStore;
import org.ichnaea.mysql.MysqlCellStationStore;
import org.ichnaea.mysql.MysqlSettings;
import org.ichnaea.mysql.MysqlWifiStationStore;

/**
 * Observations per second from queued reports to Wi-Fi stations in the database, with 1 and 2 worker threads
 * draining one queue. Each report has 10 Wi-Fi networks near a point in Germany; half the networks are new, half
 * seen before (so inserts and locked updates both happen).
 *
 * <pre>
 * mvn -B -q -pl adapters-mysql -Pbench test-compile exec:exec -Dbench.main=org.ichnaea.mysql.bench.PipelineBenchmark \
 *     -Dbench.args="jdbc:mariadb://127.0.0.1:3306/ichnaea_bench?user=root 20000 [internal batch]"
 * </pre>
 */
public final class PipelineBenchmark {

    private static final long FIRST = 1_781_000_000_000L;

    private PipelineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        // Arguments: JDBC URL, reports per run, the internal export's batch size (default: a fresh install's), a
        // seed for the MACs (another seed gives networks the database has not seen yet).
        String uri = args.length > 0 ? args[0] : "jdbc:mariadb://127.0.0.1:3306/ichnaea_bench?user=root";
        int reports = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        int batch = args.length > 2 ? Integer.parseInt(args[2])
                : org.ichnaea.core.export.ExportConfig.defaultInternal().batch();
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 7919L;
        // A fifth argument "nomap" leaves the data-map write out, to see its share.
        boolean map = !(args.length > 4 && args[4].equals("nomap"));
        // -Dshards=N: shard transactions each worker runs side by side (1: one after the other).
        int shardThreads = Integer.getInteger("shards", 1);
        System.out.println("shard transactions side by side per worker: " + shardThreads);
        try (Database db = Database.open(MysqlSettings.fromUri(uri, false, 16))) {
            db.migrate();
            MysqlWifiStationStore wifi = new MysqlWifiStationStore(db, db);
            for (int threads : new int[] {1, 2}) {
                InMemoryDataQueue<IncomingReport> queue = new InMemoryDataQueue<>();
                queue.enqueue(reports(reports, threads * seed, FIRST));
                // The same networks again at the same places, an hour later: updates of the stations just created.
                // (Reports are identified by their content, so a second pass of identical reports would be skipped
                // by the ledger as deliveries of reports already applied.)
                queue.enqueue(reports(reports, threads * seed, FIRST + 3_600_000L));
                long observations = 20L * reports;
                AtomicLong done = new AtomicLong();
                List<Thread> workers = new ArrayList<>();
                java.util.Map<org.ichnaea.core.pipeline.StationAction, Integer> actions =
                        new java.util.concurrent.ConcurrentHashMap<>();
                long start = System.nanoTime();
                // Reports fan out to the internal export's queue and are applied in batches of its size, as in
                // production (the coverage grid and the daily counters included).
                java.util.Map<String, org.ichnaea.core.queue.DataQueue<IncomingReport>> queues =
                        new java.util.concurrent.ConcurrentHashMap<>();
                org.ichnaea.core.export.ExportConfig internal = new org.ichnaea.core.export.ExportConfig("internal",
                        batch, org.ichnaea.core.export.ExportSchema.INTERNAL, null, null, null);
                List<java.util.concurrent.ExecutorService> runners = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    java.util.concurrent.ExecutorService runner = shardThreads > 1
                            ? java.util.concurrent.Executors.newFixedThreadPool(shardThreads - 1) : null;
                    if (runner != null) {
                        runners.add(runner);
                    }
                    Pipeline pipeline = new Pipeline(queue,
                            new org.ichnaea.core.export.InMemoryExportConfigStore(internal),
                            name -> queues.computeIfAbsent(name, n -> new InMemoryDataQueue<>()), java.util.Map.of(),
                            new org.ichnaea.core.pipeline.InternalExporter(new ReportObservations(TestRegions.some(),
                                    MobileCountryCodes.bundled()), new StationUpdater(TestRegions.some(),
                                    Clock.systemUTC(), runner, shardThreads), wifi, new MysqlBlueStationStore(db, db),
                                    new MysqlCellStationStore(db, db), null,
                                    map ? new org.ichnaea.mysql.MysqlDataMapStore(db, db) : null,
                                    new org.ichnaea.core.stats.InMemoryStatCounter(), Clock.systemUTC()),
                            duration -> { });
                    Thread worker = new Thread(() -> {
                        Pipeline.Result result = pipeline.drain();
                        done.addAndGet(result.observations());
                        result.actions().forEach((action, n) -> actions.merge(action, n, Integer::sum));
                    });
                    workers.add(worker);
                    worker.start();
                }
                for (Thread worker : workers) {
                    worker.join();
                }
                runners.forEach(java.util.concurrent.ExecutorService::shutdown);
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("%d thread(s): %,d reports, %,d observations in %.1f s: %,.0f observations/s%n",
                        threads, 2 * reports, done.get(), seconds, done.get() / seconds);
                System.out.println("  station actions: " + new java.util.TreeMap<>(actions));
                if (done.get() != observations) {
                    throw new IllegalStateException("expected " + observations + " observations, got " + done.get());
                }
            }
        }
    }

    private static List<IncomingReport> reports(int count, long seed, long timestamp) {
        SplittableRandom random = new SplittableRandom(seed);
        List<IncomingReport> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            double lat = 48 + random.nextDouble() * 6;
            double lon = 7 + random.nextDouble() * 7;
            List<WifiObservation> wifis = new ArrayList<>(10);
            for (int n = 0; n < 10; n++) {
                long bits = ((seed << 32) ^ ((long) i * 10 + n) * 0x9E3779B97F4AL) & 0xFFFF_FFFF_FFFFL | 0x0200_0000_0000L;
                wifis.add(new WifiObservation(new MacAddress(bits), null, null, 2437, -60 - n, null, null));
            }
            out.add(new IncomingReport(null, StationSource.GNSS, new Report(timestamp,
                    ReportPosition.of(lat, lon, 10.0, StationSource.GNSS), List.of(), List.of(), wifis, null, null)));
        }
        return out;
    }
}
