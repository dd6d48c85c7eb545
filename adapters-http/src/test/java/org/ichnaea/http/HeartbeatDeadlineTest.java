package org.ichnaea.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The heartbeat answers within 1 s whatever the backends do (issue 11, item 7). */
class HeartbeatDeadlineTest {

    private final TestWeb web = new TestWeb();

    @Test
    void a_hanging_check_counts_as_down_and_the_answer_comes_within_a_second() {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        web.checks.put("database", HealthCheck.of(() -> {
            calls.incrementAndGet();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return HealthCheck.Health.up(Map.of("alembic_version", "1"));
        }, Map.of("alembic_version", "unknown")));
        web.checks.put("redis", () -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return HealthCheck.Health.up(Map.of());
        });
        try {
            JavalinTest.test(web.app(), (server, client) -> {
                for (int i = 0; i < 3; i++) {
                    long start = System.nanoTime();
                    Response hb = client.get("/__heartbeat__");
                    long ms = (System.nanoTime() - start) / 1_000_000;
                    assertThat(ms).as("heartbeat %d answered in %d ms", i, ms).isLessThan(1000);
                    assertThat(hb.code()).isEqualTo(503);
                    String body = hb.body().string();
                    assertThat(body).contains("\"database\":{\"up\":false,\"time\":0,\"alembic_version\":\"unknown\"}");
                    assertThat(body).as("the checks run in parallel: the slow one does not delay this one")
                            .contains("\"redis\":{\"up\":true,");
                }
                assertThat(calls).as("a check still running is not started again").hasValue(1);
                assertThat(java.nio.file.Files.readString(java.nio.file.Path.of("../docs/api.md")))
                        .as("docs/api.md shows the outage body as it is")
                        .contains("\"database\":{\"up\":false,\"time\":0,\"alembic_version\":\"unknown\"}");
                release.countDown();
                await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
                    Response after = client.get("/__heartbeat__");
                    assertThat(after.code()).isEqualTo(200);
                    assertThat(after.body().string()).contains("\"database\":{\"up\":true,");
                });
            });
        } finally {
            release.countDown();
        }
    }
}
