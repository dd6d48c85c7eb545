package org.ichnaea.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.ichnaea.core.jobs.InMemoryJobLock;
import org.ichnaea.core.jobs.JobScheduler;
import org.ichnaea.core.pipeline.Pipeline;
import org.ichnaea.core.radio.MacAddress;
import org.ichnaea.core.radio.WifiObservation;
import org.ichnaea.core.station.StationSource;
import org.ichnaea.core.submit.IncomingReport;
import org.ichnaea.core.submit.Report;
import org.ichnaea.core.submit.ReportPosition;
import org.ichnaea.core.testing.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the pipeline leaves out is on {@code /__metrics__} by reason (docs/algorithms.md §13.6). */
class PipelineDropMetricsTest {

    @TempDir
    Path dataDir;

    private static IncomingReport at(double lat, double lon, long mac) {
        return new IncomingReport(null, StationSource.GNSS, new Report(1_765_000_000_000L + mac,
                ReportPosition.of(lat, lon, 10.0, StationSource.GNSS), List.of(), List.of(),
                List.of(new WifiObservation(new MacAddress(0x2C0000000000L + mac), null, null, null, -60, null, null),
                        new WifiObservation(new MacAddress(0x2C0000100000L + mac), null, null, null, -70, null,
                                null)), null, null));
    }

    @Test
    void reports_outside_every_region_are_counted_with_their_reason() throws Exception {
        try (Application app = Application.open(Settings.from(Map.of("ICHNAEA_DATA_DIR", dataDir.toString())))) {
            app.incoming.enqueue(List.of(at(52.52, 13.40, 1), at(0.5, -30.0, 2), at(0.6, -30.0, 3)));
            Pipeline pipeline = app.pipeline(Clock.systemUTC());
            Pipeline.Result result = pipeline.drain();
            assertThat(result.reports()).isEqualTo(3);
            assertThat(app.wifi.count()).isEqualTo(2);

            PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            try (JobScheduler scheduler = new JobScheduler(new InMemoryJobLock(), TestClock.fixed(), 1)) {
                JobMetrics.register(registry, scheduler, app.monitor(pipeline, Clock.systemUTC()), pipeline);
            }
            assertThat(registry.scrape()).contains("pipeline_dropped_total{reason=\"outside_regions\"} 2.0",
                    "pipeline_dropped_total{reason=\"no_position\"} 0.0", "queue_undecodable_items_total");
        }
    }
}
