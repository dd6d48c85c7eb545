import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ichnaea.core.radio.MacAddress;
import org.ichnaea.core.radio.WifiObservation;
import org.ichnaea.core.station.StationSource;
import org.ichnaea.core.submit.IncomingReport;
import org.ichnaea.core.submit.Report;
import org.ichnaea.core.submit.ReportPosition;
import org.ichnaea.mysql.queue.LogDataQueue;

/** Fills an embedded data dir's update_incoming log with N synthetic reports (2-3 Wi-Fi each, 200k networks). */
public class Fill {
    public static void main(String[] args) {
        Path dir = Path.of(args[0]).resolve("queues").resolve("update_incoming");
        int n = Integer.parseInt(args[1]);
        Random random = new Random(42);
        LogDataQueue<IncomingReport> queue = LogDataQueue.incoming(dir);
        long start = System.nanoTime();
        List<IncomingReport> batch = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int cluster = random.nextInt(80_000);
            double lat = 48.0 + (cluster / 400) * 0.01 + random.nextDouble() * 0.001;
            double lon = 2.0 + (cluster % 400) * 0.01 + random.nextDouble() * 0.001;
            List<WifiObservation> wifis = new ArrayList<>();
            int k = 2 + (i % 2);
            for (int j = 0; j < k; j++) {
                long mac = 0x1C0000000000L + cluster * 3L + j;
                wifis.add(new WifiObservation(new MacAddress(mac), null, null, null, -60 - random.nextInt(30), null, null));
            }
            Report r = new Report(1_765_000_000_000L + i, ReportPosition.of(lat, lon, 10.0, StationSource.GNSS),
                    List.of(), List.of(), wifis, null, null);
            batch.add(new IncomingReport(null, StationSource.GNSS, r));
            if (batch.size() == 1000) {
                queue.enqueue(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) queue.enqueue(batch);
        System.out.printf("enqueued %d reports in %.1f s, size %d%n", n, (System.nanoTime() - start) / 1e9, queue.size());
        queue.close();
    }
}
