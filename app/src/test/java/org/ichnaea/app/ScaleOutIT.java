package org.ichnaea.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.javalin.testtools.JavalinTest;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.ichnaea.core.apikey.ApiKey;
import org.ichnaea.core.export.ExportConfig;
import org.ichnaea.core.export.ExportSchema;
import org.ichnaea.core.radio.MacAddress;
import org.ichnaea.core.station.MacStation;
import org.ichnaea.redis.PrivateRedisCluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service on the Redis deployments an operator who outgrows one box has (issue 14, docs/configuration.md "Redis
 * deployments"), each started by the test on loopback, with the machine's MariaDB: two web tiers take a stream of
 * geosubmits, two {@code worker} processes drain it, and the sum of the stations' sample counts must equal the
 * observations sent (none lost, none counted twice); then a geolocate answers from the new stations.
 * <ul>
 *   <li>a 3-master Redis Cluster ({@code redis-cluster://}, 16 queue shards by default);</li>
 *   <li>a master, a replica and a Sentinel ({@code redis-sentinel://}), with a {@code SENTINEL FAILOVER} in the
 *       middle of the stream: every request still answers 200.</li>
 * </ul>
 */
class ScaleOutIT {

    private static final int REQUESTS = 120;
    private static final int ITEMS = 10;
    private static final int NETWORKS = 300;

    @TempDir
    Path dir;
    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stop() throws InterruptedException {
        for (Process process : processes) {
            process.destroy();
        }
        for (Process process : processes) {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    @Test
    void two_web_tiers_and_two_workers_on_a_redis_cluster_count_every_observation() throws Exception {
        try (PrivateRedisCluster cluster = PrivateRedisCluster.start(3)) {
            Map<String, String> env = ServicesEnv.require(dir.resolve("web"));
            env.put("REDIS_URI", cluster.uri());
            stream(env, () -> { }, "cluster");
            // The queue's 16 lists (and what the workers left of them) lie on every node.
            System.out.println("ScaleOutIT: keys per cluster node " + cluster.keysPerNode());
        }
    }

    @Test
    void a_sentinel_failover_during_submissions_loses_no_accepted_report() throws Exception {
        PrivateRedisCluster.requireRedisBinaries();
        int master = freePort();
        int replica = freePort();
        int sentinel = freePort();
        redisServer("master", "--port", String.valueOf(master));
        redisServer("replica", "--port", String.valueOf(replica), "--replicaof", "127.0.0.1", String.valueOf(master));
        Path conf = dir.resolve("sentinel.conf");
        Files.writeString(conf, "port " + sentinel + "\nbind 127.0.0.1\nsentinel monitor ichnaea 127.0.0.1 " + master
                + " 1\nsentinel down-after-milliseconds ichnaea 1000\nsentinel failover-timeout ichnaea 5000\n");
        redisServer("sentinel", conf.toString(), "--sentinel");
        PrivateRedisCluster.await(replica, "master_link_status:up", "info", "replication");
        PrivateRedisCluster.await(sentinel, "slaves=1", "info", "sentinel");

        Map<String, String> env = ServicesEnv.require(dir.resolve("web"));
        env.put("REDIS_URI", "redis-sentinel://ichnaea@127.0.0.1:" + sentinel + "/0");
        stream(env, () -> {
            String answer = PrivateRedisCluster.cli(sentinel, "sentinel", "failover", "ichnaea");
            assertThat(answer).as("SENTINEL FAILOVER").contains("OK");
            PrivateRedisCluster.await(replica, "role:master", "info", "replication");
        }, "sentinel");
        assertThat(PrivateRedisCluster.cli(replica, "info", "replication")).as("the replica was promoted")
                .contains("role:master");
    }

    /** Submits the stream through two web tiers, running {@code midway} half-way, and checks the count. */
    private void stream(Map<String, String> env, ThrowingRunnable midway, String name) throws Exception {
        long prefix = 0xE50000000000L | ((long) ThreadLocalRandom.current().nextInt(1 << 20) << 12);
        List<MacAddress> macs = new ArrayList<>();
        for (int i = 0; i < NETWORKS; i++) {
            macs.add(new MacAddress(prefix + i));
        }
        try (Application app = Application.open(Settings.from(env))) {
            app.keys.save(ApiKey.unlimited("scale-out"));
            // Small export batches, so that the stream makes many batches for the two workers to share.
            app.exportConfigs.findAll().stream().filter(c -> c.schema() == ExportSchema.INTERNAL)
                    .forEach(c -> app.exportConfigs.delete(c.name()));
            app.exportConfigs.save(new ExportConfig("internal", 50, ExportSchema.INTERNAL, null, null, null));
        }
        try {
            processes.add(worker(env, "worker-1"));
            processes.add(worker(env, "worker-2"));
            int observations = 0;
            try (Application webA = Application.openService(Settings.from(env));
                 Application webB = Application.openService(Settings.from(env))) {
                int[] sent = new int[1];
                JavalinTest.test(webA.web(Clock.systemUTC()), (serverA, clientA) ->
                        JavalinTest.test(webB.web(Clock.systemUTC()), (serverB, clientB) -> {
                            for (int r = 0; r < REQUESTS; r++) {
                                if (r == REQUESTS / 2) {
                                    midway.run();
                                }
                                StringBuilder body = new StringBuilder("{\"items\":[");
                                for (int i = 0; i < ITEMS; i++) {
                                    int n = r * ITEMS + i;
                                    body.append(i > 0 ? "," : "").append(String.format(Locale.ROOT,
                                            "{\"position\":{\"latitude\":%.5f,\"longitude\":2.35,\"accuracy\":10},"
                                                    + "\"wifiAccessPoints\":[{\"macAddress\":\"%s\","
                                                    + "\"signalStrength\":-60},{\"macAddress\":\"%s\","
                                                    + "\"signalStrength\":-70}]}",
                                            48.85 + (n % 50) * 0.0001, macs.get(n % NETWORKS),
                                            macs.get((n * 7 + 3) % NETWORKS)));
                                    sent[0] += 2;
                                }
                                body.append("]}");
                                var client = r % 2 == 0 ? clientA : clientB;
                                assertThat(client.post("/v2/geosubmit?key=scale-out", body.toString()).code())
                                        .as("request " + r).isEqualTo(200);
                            }
                        }));
                observations = sent[0];
            }
            long[] counted = new long[2];
            try (Application app = Application.open(Settings.from(env))) {
                int expected = observations;
                try {
                    await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
                        counted[0] = 0;
                        counted[1] = 0;
                        for (MacStation s : app.wifi.findAll(macs)) {
                            counted[1]++;
                            counted[0] += s.data().samples() == null ? 0 : s.data().samples();
                        }
                        return counted[0] >= expected;
                    });
                } catch (org.awaitility.core.ConditionTimeoutException e) {
                    // fall through: the assertions below say what was counted
                }
                long samples = counted[0];
                long stations = counted[1];
                System.out.printf("ScaleOutIT %s: %d observations sent, %d samples counted on %d stations%n", name,
                        observations, samples, stations);
                assertThat(stations).as("every network became a station").isEqualTo(NETWORKS);
                assertThat(samples).as("every observation counted once").isEqualTo(observations);
                JavalinTest.test(app.web(Clock.systemUTC()), (server, client) -> {
                    var answer = client.post("/v1/geolocate?key=scale-out", "{\"wifiAccessPoints\":["
                            + "{\"macAddress\":\"" + macs.get(10) + "\"},{\"macAddress\":\"" + macs.get(11) + "\"}]}");
                    assertThat(answer.code()).isEqualTo(200);
                    String json = answer.body().string();
                    assertThat(json).contains("\"lat\":48.85").contains("\"lng\":2.35");
                });
            }
        } finally {
            try (Application app = Application.open(Settings.from(env))) {
                app.exportConfigs.save(ExportConfig.defaultInternal());
            }
        }
    }

    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws Exception;
    }

    private Process worker(Map<String, String> env, String name) throws IOException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), Main.class.getName(), "worker");
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(env);
        builder.environment().put("ICHNAEA_DATA_DIR", dir.resolve(name).toString());
        builder.environment().put("ICHNAEA_JOB_INTERVALS", "update_incoming=1,update_statcounter=0,"
                + "update_statregion=0,update_tiles=0,cell_export_diff=0,monitor_api_key_limits=0,"
                + "monitor_api_users=0");
        builder.redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile());
        return builder.start();
    }

    private static final Path SERVER = Path.of("/usr/bin/redis-server");

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void redisServer(String name, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(SERVER.toString()));
        command.addAll(List.of(args));
        if (!args[0].endsWith(".conf")) {
            command.addAll(List.of("--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir",
                    dir.toString(), "--dbfilename", name + ".rdb"));
        }
        processes.add(new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile()).start());
    }
}
