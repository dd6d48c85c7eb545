package org.ichnaea.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.core.ThrowingRunnable;
import org.ichnaea.core.StoreUnavailableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code REDIS_URI} beyond one plain server (docs/configuration.md): TLS ({@code rediss://} with a CA file) and
 * Sentinel ({@code redis-sentinel://}) against redis-server processes of the test's own on loopback, started from
 * {@code /usr/bin/redis-server} (skipped where it is missing, failed under {@code CI=true}). Bounded: each server is
 * stopped after the test.
 */
class RedisDeploymentsIT {

    private static final Path SERVER = Path.of("/usr/bin/redis-server");

    @TempDir
    Path dir;
    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stop() {
        processes.forEach(Process::destroyForcibly);
    }

    private static void requireServer() {
        if (!Files.isExecutable(SERVER) || !Files.isExecutable(Path.of("/usr/bin/openssl"))) {
            if ("true".equals(System.getenv("CI"))) {
                fail("redis-server and openssl are required under CI=true");
            }
            assumeTrue(false, "no redis-server or openssl");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private Process start(String name, List<String> args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(SERVER.toString());
        command.addAll(args);
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile()).start();
        processes.add(process);
        return process;
    }

    private void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("openssl.log").toFile()).start();
        assertThat(process.waitFor()).as(String.join(" ", command) + ": " + Files.readString(dir.resolve(
                "openssl.log"))).isZero();
    }

    /** Retries {@code check} for up to 20 s while the servers start or fail over. */
    private static void eventually(ThrowingRunnable check) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .untilAsserted(check);
    }

    @Test
    void rediss_checks_the_servers_certificate_against_the_ca_file() throws Exception {
        requireServer();
        run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.crt",
                "-subj", "/CN=ichnaea test CA", "-days", "2");
        run("openssl", "req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr",
                "-subj", "/CN=127.0.0.1");
        Files.writeString(dir.resolve("san.ext"), "subjectAltName=IP:127.0.0.1,DNS:localhost\n");
        run("openssl", "x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
                "-out", "server.crt", "-days", "2", "-extfile", "san.ext");
        run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "other.key", "-out", "other.crt",
                "-subj", "/CN=another CA", "-days", "2");
        int port = freePort();
        start("tls", List.of("--port", "0", "--tls-port", String.valueOf(port), "--bind", "127.0.0.1",
                "--tls-cert-file", "server.crt", "--tls-key-file", "server.key", "--tls-ca-cert-file", "ca.crt",
                "--tls-auth-clients", "no", "--save", "", "--appendonly", "no", "--dir", dir.toString()));

        try (Redis redis = Redis.open("rediss://127.0.0.1:" + port + "/2", dir.resolve("ca.crt"))) {
            eventually(redis::ping);
            redis.call("set", () -> redis.client().set("deploy", "tls"));
            assertThat(redis.call("get", () -> redis.client().get("deploy"))).isEqualTo("tls");
            assertThat(redis.description()).isEqualTo("tls 127.0.0.1:" + port + "/2");
        }
        try (Redis wrongCa = Redis.open("rediss://127.0.0.1:" + port + "/2", dir.resolve("other.crt"));
             Redis plain = Redis.open("redis://127.0.0.1:" + port + "/2")) {
            assertThatThrownBy(wrongCa::ping).as("a certificate the CA file did not sign")
                    .isInstanceOf(StoreUnavailableException.class);
            assertThatThrownBy(plain::ping).as("plain text to a TLS port").isInstanceOf(StoreUnavailableException.class);
        }
    }

    @Test
    void redis_sentinel_follows_the_master_across_a_failover() throws Exception {
        requireServer();
        int master = freePort();
        int replica = freePort();
        int sentinel = freePort();
        start("master", List.of("--port", String.valueOf(master), "--bind", "127.0.0.1", "--save", "",
                "--appendonly", "no", "--dir", dir.toString(), "--dbfilename", "master.rdb"));
        start("replica", List.of("--port", String.valueOf(replica), "--bind", "127.0.0.1", "--save", "",
                "--appendonly", "no", "--dir", dir.toString(), "--dbfilename", "replica.rdb", "--replicaof",
                "127.0.0.1", String.valueOf(master)));
        Path conf = dir.resolve("sentinel.conf");
        Files.writeString(conf, "port " + sentinel + "\nbind 127.0.0.1\nsentinel monitor ichnaea 127.0.0.1 " + master
                + " 1\nsentinel down-after-milliseconds ichnaea 1000\nsentinel failover-timeout ichnaea 5000\n");
        start("sentinel", List.of(conf.toString(), "--sentinel"));

        try (Redis redis = Redis.open("redis-sentinel://ichnaea@127.0.0.1:" + sentinel + "/4");
             Redis sentinels = Redis.open("redis://127.0.0.1:" + sentinel)) {
            eventually(() -> redis.call("set", () -> redis.client().set("deploy", "before")));
            assertThat(redis.description()).isEqualTo("sentinel ichnaea@127.0.0.1:" + sentinel + "/4");
            // The replica must have caught up before the Sentinel will promote it.
            eventually(() -> assertThat(Integer.parseInt(redis.call("info", () -> redis.client().info("replication"))
                    .replaceAll("(?s).*connected_slaves:(\\d+).*", "$1"))).isEqualTo(1));
            eventually(() -> assertThat(sentinels.call("failover", () -> {
                Object answer = sentinels.client().sendCommand(() -> "SENTINEL".getBytes(), "FAILOVER", "ichnaea");
                return answer instanceof byte[] bytes ? new String(bytes) : String.valueOf(answer);
            })).isEqualTo("OK"));
            eventually(() -> {
                assertThat(redis.call("info", () -> redis.client().info("server")))
                        .contains("tcp_port:" + replica);
                redis.call("set", () -> redis.client().set("deploy", "after"));
            });
            assertThat(redis.call("get", () -> redis.client().get("deploy"))).isEqualTo("after");
        }
    }
}
