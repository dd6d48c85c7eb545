import java.nio.ByteBuffer;
import java.nio.file.*;
import java.sql.*;
import java.util.*;
import org.ichnaea.core.submit.IncomingReport;
import org.ichnaea.core.submit.IncomingReportCodec;

public class Check {
    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        long prefix = Long.parseLong(args[1], 16);
        int from = Integer.parseInt(args[2]), to = Integer.parseInt(args[3]);
        byte[] all = Files.readAllBytes(data.resolve("queues/queue_export_internal/00000000000000000000.log"));
        ByteBuffer b = ByteBuffer.wrap(all);
        Map<Integer, Long> ids = new TreeMap<>();
        Map<Integer, Long> seqs = new TreeMap<>();
        long seq = 0;
        while (b.remaining() >= 8) {
            int len = b.getInt(); b.getInt();
            if (len <= 0 || len > b.remaining()) break;
            byte[] p = new byte[len]; b.get(p);
            IncomingReport r = IncomingReportCodec.decode(p);
            long n = (r.report().wifis().get(0).mac().bits() - prefix) / 2;
            if (n >= from && n < to) { ids.put((int) n, r.id()); seqs.put((int) n, seq); }
            seq++;
        }
        System.out.println("lost reports at queue seqs " + seqs.values().stream().min(Long::compare).get() + ".." + seqs.values().stream().max(Long::compare).get());
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + data.toAbsolutePath().resolve("ichnaea") + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE", "sa", "")) {
            int inLedger = 0;
            for (long id : ids.values()) {
                try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM applied_report WHERE report_id = ?")) {
                    s.setLong(1, id); ResultSet rs = s.executeQuery(); rs.next(); if (rs.getInt(1) > 0) inLedger++;
                }
            }
            System.out.println("lost reports with ledger rows: " + inLedger + " of " + ids.size());
            try (Statement s = c.createStatement()) {
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM applied_report"); rs.next();
                System.out.println("ledger rows: " + rs.getLong(1));
            }
        }
    }
}
