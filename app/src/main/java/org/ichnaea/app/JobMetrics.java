package org.ichnaea.app;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.ichnaea.core.jobs.Job;
import org.ichnaea.core.jobs.JobScheduler;
import org.ichnaea.core.monitor.PipelineMonitor;

/**
 * The monitoring jobs' results as Prometheus metrics (docs/algorithms.md §13.5): queue lengths, backlog, the
 * locate sample rate, requests and distinct users per API key, and each job's runs, failures and skipped ticks.
 */
final class JobMetrics {

    private JobMetrics() {
    }

    static void register(MeterRegistry registry, JobScheduler scheduler, PipelineMonitor monitor) {
        register(registry, scheduler, monitor, null);
    }

    /** The same, with {@code pipeline_dropped{reason}} from {@code pipeline}'s internal export (null: none). */
    static void register(MeterRegistry registry, JobScheduler scheduler, PipelineMonitor monitor,
                         org.ichnaea.core.pipeline.Pipeline pipeline) {
        for (org.ichnaea.core.pipeline.DropReason reason : pipeline == null
                ? new org.ichnaea.core.pipeline.DropReason[0] : org.ichnaea.core.pipeline.DropReason.values()) {
            FunctionCounter.builder("pipeline_dropped", pipeline, p -> p.internalTotals().drops().get(reason))
                    .tags(Tags.of("reason", reason.label()))
                    .description("What the internal export left out, by reason (docs/algorithms.md §13.6): reports, "
                            + "observations, or blocked stations").register(registry);
        }
        for (Job job : scheduler.jobs()) {
            Tags tags = Tags.of("job", job.name());
            FunctionCounter.builder("job_runs", scheduler, s -> count(s, job.name(), 0)).tags(tags)
                    .description("Runs of a periodic job").register(registry);
            FunctionCounter.builder("job_failures", scheduler, s -> count(s, job.name(), 1)).tags(tags)
                    .description("Failed runs of a periodic job").register(registry);
            FunctionCounter.builder("job_skipped", scheduler, s -> count(s, job.name(), 2)).tags(tags)
                    .description("Ticks skipped because another process ran the job").register(registry);
        }
        FunctionCounter.builder("queue_undecodable_items", org.ichnaea.core.queue.UndecodableItems.class,
                        c -> org.ichnaea.core.queue.UndecodableItems.total())
                .description("Queue items that could not be decoded and were dropped (each logged at ERROR)")
                .register(registry);
        Gauge.builder("pipeline_backlog", monitor, m -> m.lastQueues().backlog())
                .description("Reports waiting in the pipeline's queues").register(registry);
        Gauge.builder("locate_sample_rate", monitor, m -> m.lastQueues().sampleRate().orElse(Double.NaN))
                .description("Share of locate answers queued as observations, percent (rate controller)")
                .register(registry);
        MultiGauge queues = MultiGauge.builder("pipeline_queue_size").description("Reports waiting per queue")
                .register(registry);
        MultiGauge requests = MultiGauge.builder("api_key_daily_requests")
                .description("Today's requests per API key and path").register(registry);
        MultiGauge limits = MultiGauge.builder("api_key_limit").description("Daily request limit per API key")
                .register(registry);
        MultiGauge users = MultiGauge.builder("api_key_users")
                .description("Today's distinct client addresses per API key and type").register(registry);
        ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ichnaea-job-metrics");
            t.setDaemon(true);
            return t;
        });
        refresher.scheduleWithFixedDelay(() -> {
            List<MultiGauge.Row<?>> q = new ArrayList<>();
            monitor.lastQueues().queues().forEach((name, size) -> q.add(MultiGauge.Row.of(Tags.of("queue", name),
                    size)));
            queues.register(q, true);
            List<MultiGauge.Row<?>> r = new ArrayList<>();
            List<MultiGauge.Row<?>> l = new ArrayList<>();
            java.util.Set<String> limited = new java.util.HashSet<>();
            for (PipelineMonitor.KeyUsage u : monitor.lastLimits()) {
                r.add(MultiGauge.Row.of(Tags.of("key", redact(u.key()), "path", u.path()), u.requests()));
                if (u.maxreq() != null && limited.add(u.key())) {
                    l.add(MultiGauge.Row.of(Tags.of("key", redact(u.key())), u.maxreq()));
                }
            }
            requests.register(r, true);
            limits.register(l, true);
            List<MultiGauge.Row<?>> u = new ArrayList<>();
            for (PipelineMonitor.KeyUsers k : monitor.lastUsers()) {
                u.add(MultiGauge.Row.of(Tags.of("key", redact(k.key()), "type", k.type().name().toLowerCase(
                        java.util.Locale.ROOT)), k.users()));
            }
            users.register(u, true);
        }, 1, 15, TimeUnit.SECONDS);
    }

    /** Keys as the request logs show them, never whole (ApiKeyGate). */
    private static String redact(String key) {
        return org.ichnaea.http.WebMetrics.shortKey(key);
    }

    private static double count(JobScheduler scheduler, String name, int which) {
        JobScheduler.Stats stats = scheduler.stats().get(name);
        if (stats == null) {
            return 0;
        }
        return switch (which) {
            case 0 -> stats.runs();
            case 1 -> stats.failures();
            default -> stats.skipped();
        };
    }
}
