package org.ichnaea.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.OptionalLong;
import org.ichnaea.core.apikey.ApiKey;
import org.ichnaea.core.apikey.ApiType;
import org.ichnaea.core.apikey.FallbackSchema;
import org.ichnaea.core.apikey.InMemoryApiKeyStore;
import org.ichnaea.core.apikey.InMemoryApiKeyUsage;
import org.ichnaea.core.jobs.InMemoryJobLock;
import org.ichnaea.core.jobs.JobScheduler;
import org.ichnaea.core.monitor.PipelineMonitor;
import org.ichnaea.core.testing.TestClock;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Issue 11 item 9: keys that share a prefix get their own metric rows, and no log line holds a whole key. */
class ApiKeyLabelsTest {

    @Test
    void keys_sharing_a_prefix_keep_apart_in_metrics_and_are_never_logged_whole() throws Exception {
        InMemoryApiKeyStore keys = new InMemoryApiKeyStore();
        InMemoryApiKeyUsage usage = new InMemoryApiKeyUsage();
        LocalDate today = LocalDate.ofInstant(TestClock.fixed().instant(), ZoneOffset.UTC);
        for (String name : new String[] {"relkey_lim100", "relkey_lim200"}) {
            keys.save(new ApiKey(name, 2, false, true, true, null, FallbackSchema.ICHNAEA_V1, null, null, null,
                    null, 100, 100));
        }
        for (int i = 0; i < 3; i++) {
            usage.record("relkey_lim100", ApiType.LOCATE, "v1.geolocate", "10.0.0." + i, today);
        }
        usage.record("relkey_lim200", ApiType.LOCATE, "v1.geolocate", "10.0.0.1", today);
        PipelineMonitor monitor = new PipelineMonitor(Map::of, null, OptionalLong::empty, keys, usage,
                TestClock.fixed());

        Logger logger = (Logger) LoggerFactory.getLogger(PipelineMonitor.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            monitor.apiKeyLimits();
            monitor.apiUsers();
        } finally {
            logger.detachAppender(appender);
        }
        assertThat(appender.list).extracting(ILoggingEvent::getFormattedMessage)
                .anySatisfy(line -> assertThat(line).contains("API key relk…e4e677a3ba4b reached its daily limit"))
                .allSatisfy(line -> assertThat(line).doesNotContain("relkey_lim"));

        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try (JobScheduler scheduler = new JobScheduler(new InMemoryJobLock(), TestClock.fixed(), 1)) {
            JobMetrics.register(registry, scheduler, monitor);
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                    .until(() -> registry.scrape().contains("api_key_users"));
        }
        String text = registry.scrape();
        String a = ApiKey.shorten("relkey_lim100");
        String b = ApiKey.shorten("relkey_lim200");
        assertThat(a).isNotEqualTo(b);
        assertThat(text).contains("api_key_daily_requests{key=\"" + a + "\",path=\"v1.geolocate\"} 3.0",
                "api_key_daily_requests{key=\"" + b + "\",path=\"v1.geolocate\"} 1.0",
                "api_key_limit{key=\"" + a + "\"} 2.0", "api_key_limit{key=\"" + b + "\"} 2.0",
                "api_key_users{key=\"" + a + "\",type=\"locate\"} 3.0",
                "api_key_users{key=\"" + b + "\",type=\"locate\"} 1.0");
        assertThat(text).doesNotContain("relkey_lim");
    }
}
