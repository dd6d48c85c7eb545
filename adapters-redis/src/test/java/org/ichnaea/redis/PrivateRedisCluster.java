package org.ichnaea.redis;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A Redis Cluster of the test's own: {@code masters} redis-server processes in cluster mode on free loopback ports
 * (nothing persisted, in a temporary directory), joined by {@code redis-cli --cluster create} with the slots split
 * evenly. Skipped where redis-server or redis-cli is missing, failed under {@code CI=true}. {@link #close} kills the
 * processes and deletes the directory. Used by app's tests too (adapters-redis test-jar).
 */
public final class PrivateRedisCluster implements AutoCloseable {

    private static final Path SERVER = Path.of("/usr/bin/redis-server");
    private static final Path CLI = Path.of("/usr/bin/redis-cli");

    private final Path dir;
    private final List<Integer> ports;
    private final List<Process> processes;

    private PrivateRedisCluster(Path dir, List<Integer> ports, List<Process> processes) {
        this.dir = dir;
        this.ports = ports;
        this.processes = processes;
    }

    /**
     * Skips the calling test when Debian's redis-server or redis-cli is missing, and fails it instead under
     * {@code CI=true}, where {@code .ci/run} guarantees them (the project's rule for tests of outside services).
     */
    public static void requireRedisBinaries() {
        if (!Files.isExecutable(SERVER) || !Files.isExecutable(CLI)) {
            if ("true".equals(System.getenv("CI"))) {
                fail("redis-server and redis-cli are required under CI=true");
            }
            assumeTrue(false, "no redis-server or redis-cli");
        }
    }

    /** Starts {@code masters} (at least 3) nodes and waits, up to 30 s, until the cluster says {@code ok}. */
    public static PrivateRedisCluster start(int masters) throws IOException, InterruptedException {
        requireRedisBinaries();
        Path dir = Files.createTempDirectory("ichnaea-cluster-");
        List<Integer> ports = new ArrayList<>();
        List<Process> processes = new ArrayList<>();
        PrivateRedisCluster cluster = new PrivateRedisCluster(dir, ports, processes);
        try {
            for (int i = 0; i < masters; i++) {
                int port = freePortWithBus();
                ports.add(port);
                Path node = Files.createDirectories(dir.resolve(String.valueOf(port)));
                processes.add(new ProcessBuilder(SERVER.toString(), "--port", String.valueOf(port), "--bind",
                        "127.0.0.1", "--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf",
                        "--cluster-node-timeout", "2000", "--save", "", "--appendonly", "no", "--dir",
                        node.toString(), "--protected-mode", "no")
                        .redirectErrorStream(true).redirectOutput(node.resolve("server.log").toFile()).start());
            }
            for (int port : ports) {
                await(port, "PONG", "ping");
            }
            List<String> create = new ArrayList<>(List.of(CLI.toString(), "--cluster", "create"));
            ports.forEach(p -> create.add("127.0.0.1:" + p));
            create.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
            Process join = new ProcessBuilder(create).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("create.log").toFile()).start();
            if (!join.waitFor(30, TimeUnit.SECONDS) || join.exitValue() != 0) {
                throw new IOException("redis-cli --cluster create failed: " + Files.readString(dir.resolve(
                        "create.log")));
            }
            for (int port : ports) {
                await(port, "cluster_state:ok", "cluster", "info");
            }
            return cluster;
        } catch (IOException | InterruptedException | RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /** A free port whose cluster bus port (+10000) is free too. */
    private static int freePortWithBus() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (ServerSocket socket = new ServerSocket(0)) {
                int port = socket.getLocalPort();
                if (port < 55_000) {
                    try (ServerSocket bus = new ServerSocket(port + 10_000)) {
                        return port;
                    } catch (IOException taken) {
                        // try another
                    }
                }
            }
        }
        throw new IOException("no free port pair for a cluster node");
    }

    /** Runs redis-cli against {@code port} until its answer contains {@code expected}, up to 30 s. */
    public static void await(int port, String expected, String... command) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String last = "";
        while (System.nanoTime() < deadline) {
            last = cli(port, command);
            if (last.contains(expected)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IOException("node " + port + " did not answer " + expected + " to " + String.join(" ", command)
                + " within 30 s; last: " + last);
    }

    /** Runs redis-cli against one node and answers what it printed. */
    public static String cli(int port, String... command) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of(CLI.toString(), "-h", "127.0.0.1", "-p", String.valueOf(port)));
        args.addAll(List.of(command));
        Process process = new ProcessBuilder(args).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        process.waitFor(10, TimeUnit.SECONDS);
        return out;
    }

    /** The nodes' ports. */
    public List<Integer> ports() {
        return List.copyOf(ports);
    }

    /** {@code redis-cluster://127.0.0.1:P1,127.0.0.1:P2,...} */
    public String uri() {
        return "redis-cluster://" + ports.stream().map(p -> "127.0.0.1:" + p).collect(Collectors.joining(","));
    }

    /** How many keys each node holds, in port order. */
    public List<Long> keysPerNode() throws IOException, InterruptedException {
        List<Long> counts = new ArrayList<>();
        for (int port : ports) {
            counts.add(Long.parseLong(cli(port, "dbsize").trim()));
        }
        return counts;
    }

    @Override
    public void close() {
        processes.forEach(Process::destroyForcibly);
        for (Process process : processes) {
            try {
                process.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind
        }
    }
}
