import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Does H2 keep a commit that returned, and was followed by {@code CHECKPOINT SYNC}, across {@code kill -9}?
 * {@code java [-Dbarrier=checkpoint|mvstore|none] -cp app/target/ichnaea.jar bench/crash/H2Durability.java DIR ROUNDS
 * [THREADS]}: each round starts a child JVM that commits transactions (100 new rows plus updates of 100 rows of a
 * 50,000-row table, like a pipeline batch) from THREADS threads, then runs the barrier ({@code CHECKPOINT SYNC} by
 * default; {@code mvstore}: H2's {@code MVStore.commit()} and {@code sync()} called directly) and prints the batch as
 * acknowledged; the parent kills it at a random moment 0.2-3.2 s after the first acknowledgement, reopens the
 * database and counts acknowledged rows that are missing, and how long before the kill the oldest lost batch was
 * acknowledged. Uses the embedded mode's URL options. (docs/reliability.md, decisions/013.)
 */
public class H2Durability {

    static String url(Path dir) {
        return "jdbc:h2:file:" + dir.toAbsolutePath().resolve("db") + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
                + "CASE_INSENSITIVE_IDENTIFIERS=TRUE;AUTO_SERVER=TRUE;LOCK_TIMEOUT=10000;WRITE_DELAY=0"
                + System.getProperty("extra", "");
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        if (args.length > 1 && args[1].equals("child")) {
            child(dir, Integer.parseInt(args[2]), Long.parseLong(args[3]));
            return;
        }
        int rounds = Integer.parseInt(args[1]);
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        Files.createDirectories(dir);
        try (Connection c = DriverManager.getConnection(url(dir), "sa", "")) {
            c.createStatement().execute("CREATE TABLE IF NOT EXISTS acked (id BIGINT PRIMARY KEY, pad VARCHAR(200))");
            c.createStatement().execute("CREATE TABLE IF NOT EXISTS churn (id INT PRIMARY KEY, n BIGINT, "
                    + "pad VARCHAR(400))");
            try (PreparedStatement p = c.prepareStatement("MERGE INTO churn KEY (id) VALUES (?, 0, ?)")) {
                for (int i = 0; i < 50_000; i++) {
                    p.setInt(1, i);
                    p.setString(2, "x".repeat(300));
                    p.addBatch();
                }
                p.executeBatch();
            }
        }
        Random random = new Random(42);
        long next = 0;
        long lostTotal = 0;
        int lossyRounds = 0;
        for (int round = 0; round < rounds; round++) {
            try (Connection c = DriverManager.getConnection(url(dir), "sa", "");
                 ResultSet r = c.createStatement().executeQuery("SELECT COALESCE(MAX(id), -1) FROM acked")) {
                r.next();
                next = Math.max(next, r.getLong(1) + 1);
            }
            long base = next + 1_000_000_000L * round;
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-cp", System.getProperty("java.class.path")));
            command.add("-Dbarrier=" + System.getProperty("barrier", "checkpoint"));
            if (System.getProperty("extra") != null) {
                command.add("-Dextra=" + System.getProperty("extra"));
            }
            command.addAll(List.of(H2Durability.class.getName(), dir.toString(), "child",
                    Integer.toString(threads), Long.toString(base)));
            // Running as a source file: the class name is not on the class path, so run the source again.
            command.set(command.indexOf(H2Durability.class.getName()), Path.of(System.getProperty("jdk.launcher"
                    + ".sourcefile", "bench/crash/H2Durability.java")).toString());
            Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
            List<Long> acked = new ArrayList<>();
            List<Long> ackedAt = new ArrayList<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream()))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        if (line.startsWith("acked ")) {
                            synchronized (acked) {
                                acked.add(Long.parseLong(line.substring(6)));
                                ackedAt.add(System.nanoTime());
                            }
                        } else {
                            System.out.println("child: " + line);
                        }
                    }
                } catch (Exception e) {
                    // killed
                }
            });
            reader.start();
            long started = System.nanoTime();
            while (true) {
                synchronized (acked) {
                    if (!acked.isEmpty()) {
                        break;
                    }
                }
                if (System.nanoTime() - started > 60_000_000_000L) {
                    throw new IllegalStateException("child never acknowledged");
                }
                Thread.sleep(5);
            }
            Thread.sleep(200 + random.nextInt(3000));
            long killedAt = System.nanoTime();
            child.destroyForcibly().waitFor();
            reader.join();
            long missing = 0;
            long oldestLostMillis = -1;
            List<Long> copy;
            List<Long> copyAt;
            synchronized (acked) {
                copy = new ArrayList<>(acked);
                copyAt = new ArrayList<>(ackedAt);
            }
            try (Connection c = DriverManager.getConnection(url(dir), "sa", "");
                 PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM acked WHERE id >= ? AND id < ?")) {
                for (int i = 0; i < copy.size(); i++) {
                    long first = copy.get(i);
                    p.setLong(1, first);
                    p.setLong(2, first + 100);
                    try (ResultSet r = p.executeQuery()) {
                        r.next();
                        long gone = 100 - r.getLong(1);
                        missing += gone;
                        if (gone > 0) {
                            oldestLostMillis = Math.max(oldestLostMillis, (killedAt - copyAt.get(i)) / 1_000_000);
                        }
                    }
                }
            }
            lostTotal += missing;
            if (missing > 0) {
                lossyRounds++;
            }
            System.out.printf("round %d: %d batches acknowledged, %d acknowledged rows missing%s%n", round,
                    copy.size(), missing, missing > 0 ? ", the oldest acknowledged " + oldestLostMillis
                            + " ms before the kill" : "");
        }
        System.out.printf("%d rounds, %d with a loss, %d rows lost%n", rounds, lossyRounds, lostTotal);
    }

    static void child(Path dir, int threads, long base) throws Exception {
        AtomicLong batches = new AtomicLong();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                Random random = new Random();
                try (Connection c = DriverManager.getConnection(url(dir), "sa", "")) {
                    c.setAutoCommit(false);
                    PreparedStatement insert = c.prepareStatement("INSERT INTO acked VALUES (?, ?)");
                    PreparedStatement churn = c.prepareStatement("UPDATE churn SET n = n + 1, pad = ? WHERE id = ?");
                    Statement checkpoint = c.createStatement();
                    while (true) {
                        long first = base + batches.getAndIncrement() * 100;
                        int[] rows = random.ints(100, 0, 50_000).sorted().distinct().toArray();
                        for (int i = 0; i < 100; i++) {
                            insert.setLong(1, first + i);
                            insert.setString(2, "y".repeat(150));
                            insert.addBatch();
                        }
                        for (int row : rows) {
                            // in key order: two workers never deadlock
                            churn.setString(1, Long.toHexString(random.nextLong()).repeat(20));
                            churn.setInt(2, row);
                            churn.addBatch();
                        }
                        insert.executeBatch();
                        churn.executeBatch();
                        c.commit();
                        switch (System.getProperty("barrier", "checkpoint")) {
                            case "checkpoint" -> {
                                checkpoint.execute("CHECKPOINT SYNC");
                                c.commit();
                            }
                            case "mvstore" -> {
                                org.h2.mvstore.MVStore store = ((org.h2.engine.SessionLocal) c.unwrap(
                                        org.h2.jdbc.JdbcConnection.class).getSession()).getDatabase().getStore()
                                        .getMvStore();
                                store.commit();
                                store.sync();
                            }
                            default -> { }
                        }
                        synchronized (System.out) {
                            System.out.println("acked " + first);
                            System.out.flush();
                        }
                    }
                } catch (Exception e) {
                    e.printStackTrace();
                }
            });
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
    }
}
