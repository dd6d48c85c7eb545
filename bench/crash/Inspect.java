import java.nio.ByteBuffer;
import java.nio.file.*;
import java.util.*;
import org.ichnaea.core.submit.IncomingReport;
import org.ichnaea.core.submit.IncomingReportCodec;

/** Lists which harness report numbers (from MAC) are present in each queue's segment records and claims state. */
public class Inspect {
    public static void main(String[] args) throws Exception {
        Path queues = Path.of(args[0]).resolve("queues");
        long prefix = Long.parseLong(args[1], 16);
        int from = Integer.parseInt(args[2]), to = Integer.parseInt(args[3]);
        try (var dirs = Files.list(queues)) {
            for (Path q : dirs.sorted().toList()) {
                int records = 0; TreeSet<Integer> hits = new TreeSet<>();
                long seqInfo = 0;
                try (var segs = Files.list(q)) {
                    for (Path s : segs.filter(p -> p.toString().endsWith(".log")).sorted().toList()) {
                        byte[] all = Files.readAllBytes(s);
                        ByteBuffer b = ByteBuffer.wrap(all);
                        long seq = Long.parseLong(s.getFileName().toString().substring(0, 20));
                        while (b.remaining() >= 8) {
                            int len = b.getInt(); b.getInt();
                            if (len <= 0 || len > b.remaining()) break;
                            byte[] p = new byte[len]; b.get(p);
                            IncomingReport r = IncomingReportCodec.decode(p);
                            records++;
                            for (var w : r.report().wifis()) {
                                long n = (w.mac().bits() - prefix) / 2;
                                if (n >= from && n < to) hits.add((int) n);
                            }
                            seq++;
                        }
                        System.out.println(q.getFileName() + " " + s.getFileName() + " ends at seq " + seq);
                    }
                }
                System.out.println(q.getFileName() + ": " + records + " records; lost range present: " + hits.size()
                        + (hits.isEmpty() ? "" : " first " + hits.first() + " last " + hits.last()));
                Path state = q.resolve("state");
                if (Files.exists(state)) System.out.println("  state: " + Files.readString(state).replace("\n", " | "));
            }
        }
    }
}
