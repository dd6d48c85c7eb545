package org.ichnaea.core.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.ichnaea.core.pipeline.Pipeline;
import org.ichnaea.core.queue.DataQueue;
import org.ichnaea.core.queue.InMemoryDataQueue;
import org.ichnaea.core.station.StationSource;
import org.ichnaea.core.submit.IncomingReport;
import org.ichnaea.core.testing.TestReports;
import org.junit.jupiter.api.Test;

/** The fan-out to export configurations and the export runs (docs/algorithms.md §13.1). */
class ExportFanOutTest {

    private final InMemoryDataQueue<IncomingReport> incoming = new InMemoryDataQueue<>();
    private final Map<String, DataQueue<IncomingReport>> queues = new ConcurrentHashMap<>();
    private final InMemoryExportConfigStore configs = new InMemoryExportConfigStore();
    private final List<Duration> sleeps = new ArrayList<>();
    private final List<List<IncomingReport>> forwarded = new ArrayList<>();
    private int failuresLeft;
    private boolean permanent;

    private final ReportExporter upstream = (config, batch) -> {
        if (permanent) {
            throw new IllegalStateException("upstream refuses");
        }
        if (failuresLeft > 0) {
            failuresLeft--;
            throw new RetriableExportException("HTTP 503");
        }
        forwarded.add(List.copyOf(batch));
    };

    private final Pipeline pipeline = new Pipeline(incoming, configs,
            name -> queues.computeIfAbsent(name, n -> new InMemoryDataQueue<>()),
            Map.of(ExportSchema.GEOSUBMIT, upstream), null, sleeps::add);

    private static ExportConfig geosubmit(String name, int batch, Set<String> skipKeys, Set<StationSource> skip) {
        return new ExportConfig(name, batch, ExportSchema.GEOSUBMIT, "http://127.0.0.1:9/v2/geosubmit", skipKeys,
                skip);
    }

    private void submit(IncomingReport... reports) {
        incoming.enqueue(List.of(reports));
    }

    @Test
    void every_configuration_gets_a_copy_except_what_it_skips() {
        configs.save(new ExportConfig("all", 10, ExportSchema.DUMMY, null, Set.of(), Set.of()));
        configs.save(geosubmit("nokey", 10, Set.of("test-key"), Set.of()));
        configs.save(geosubmit("noquery", 10, Set.of(), Set.of(StationSource.QUERY)));
        // full(0) has key test-key, full(1) no key; query(0) key k and source query.
        submit(TestReports.full(0), TestReports.full(1), TestReports.query(0));

        assertThat(pipeline.fanOut()).isEqualTo(3);

        assertThat(incoming.size()).isZero();
        assertThat(queues.get("queue_export_all").size()).isEqualTo(3);
        assertThat(queues.get("queue_export_nokey").dequeue(10))
                .containsExactly(TestReports.full(1), TestReports.query(0));
        assertThat(queues.get("queue_export_noquery").dequeue(10))
                .containsExactly(TestReports.full(0), TestReports.full(1));
    }

    @Test
    void without_any_configuration_reports_stay_in_update_incoming() {
        submit(TestReports.full(0));
        assertThat(pipeline.fanOut()).isZero();
        assertThat(incoming.size()).isEqualTo(1);
    }

    @Test
    void exports_in_batches_of_the_configured_size() {
        configs.save(geosubmit("up", 2, Set.of(), Set.of()));
        submit(TestReports.full(0), TestReports.full(1), TestReports.full(2), TestReports.full(3),
                TestReports.full(4));
        pipeline.fanOut();

        Pipeline.ExportRun run = pipeline.export(configs.findAll().get(0));

        assertThat(run.exported()).isEqualTo(5);
        assertThat(run.batches()).isEqualTo(3);
        assertThat(forwarded).extracting(List::size).containsExactly(2, 2, 1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void retries_three_times_sleeping_one_then_two_seconds() {
        configs.save(geosubmit("up", 10, Set.of(), Set.of()));
        submit(TestReports.full(0));
        pipeline.fanOut();
        failuresLeft = 2;

        Pipeline.ExportRun run = pipeline.export(configs.findAll().get(0));

        assertThat(run.failed()).isFalse();
        assertThat(forwarded).hasSize(1);
        assertThat(sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void a_batch_failing_every_attempt_stays_queued() {
        ExportConfig config = geosubmit("up", 10, Set.of(), Set.of());
        configs.save(config);
        submit(TestReports.full(0), TestReports.full(1));
        pipeline.fanOut();
        failuresLeft = 3;

        Pipeline.ExportRun run = pipeline.export(config);

        assertThat(run.failed()).isTrue();
        assertThat(forwarded).isEmpty();
        assertThat(pipeline.queue(config).size()).isEqualTo(2);
        // The next run delivers them.
        assertThat(pipeline.export(config).exported()).isEqualTo(2);
    }

    @Test
    void a_non_retriable_failure_keeps_the_batch_and_other_exports_still_run() {
        configs.save(geosubmit("broken", 10, Set.of(), Set.of()));
        configs.save(new ExportConfig("sink", 10, ExportSchema.DUMMY, null, Set.of(), Set.of()));
        submit(TestReports.full(0));
        permanent = true;

        assertThatThrownBy(pipeline::drain).hasMessageContaining("upstream refuses");

        assertThat(queues.get("queue_export_broken").size()).isEqualTo(1);
        assertThat(queues.get("queue_export_sink").size()).as("drained despite the other failure").isZero();
        assertThat(sleeps).isEmpty();
    }

    @Test
    void a_schema_without_exporter_here_keeps_its_reports() {
        ExportConfig files = new ExportConfig("files", 10, ExportSchema.FILE, "/tmp/nowhere", Set.of(), Set.of());
        configs.save(files);
        submit(TestReports.full(0));
        pipeline.drain();
        assertThat(pipeline.queue(files).size()).isEqualTo(1);
        assertThat(pipeline.queueSizes()).containsEntry("update_incoming", 0L)
                .containsEntry("queue_export_files", 1L);
    }

    @Test
    void configurations_are_validated() {
        assertThatThrownBy(() -> new ExportConfig("bad name!", 10, ExportSchema.DUMMY, null, null, null))
                .hasMessageContaining("letters");
        assertThatThrownBy(() -> new ExportConfig("x", 0, ExportSchema.DUMMY, null, null, null))
                .hasMessageContaining("batch");
        assertThatThrownBy(() -> new ExportConfig("x", 10, ExportSchema.GEOSUBMIT, null, null, null))
                .hasMessageContaining("needs a url");
        assertThatThrownBy(() -> new ExportConfig("x", 10, ExportSchema.GEOSUBMIT, "ftp://a", null, null))
                .hasMessageContaining("http://");
        assertThat(ExportSchema.parse(" Internal ")).contains(ExportSchema.INTERNAL);
        assertThat(ExportSchema.parse("s3")).isEmpty();
    }

    @Test
    void a_selective_drain_leaves_the_other_exports_queued_and_runs_internal_first() {
        List<String> order = new ArrayList<>();
        ReportExporter recording = (config, batch) -> order.add(config.name());
        Pipeline selective = new Pipeline(incoming, configs,
                name -> queues.computeIfAbsent(name, n -> new InMemoryDataQueue<>()),
                Map.of(ExportSchema.GEOSUBMIT, recording, ExportSchema.DUMMY, recording), null, sleeps::add);
        configs.save(new ExportConfig("a-sink", 10, ExportSchema.DUMMY, null, Set.of(), Set.of()));
        configs.save(geosubmit("b-remote", 10, Set.of(), Set.of()));
        submit(TestReports.full(0));

        selective.drain(config -> !config.name().equals("b-remote"));

        assertThat(order).containsExactly("a-sink");
        assertThat(queues.get("queue_export_b-remote").size()).as("left for export_reports").isEqualTo(1);
        selective.drain();
        assertThat(order).containsExactly("a-sink", "b-remote");
    }
}
