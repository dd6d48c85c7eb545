package org.ichnaea.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import org.ichnaea.core.datamap.TileRenderer;
import org.ichnaea.core.export.ExportSchema;
import org.ichnaea.core.station.ReportLedger;
import org.ichnaea.core.jobs.Job;
import org.ichnaea.core.jobs.JobScheduler;
import org.ichnaea.core.monitor.PipelineMonitor;
import org.ichnaea.core.pipeline.Pipeline;
import org.ichnaea.core.stats.StatCounterFlush;
import org.ichnaea.http.site.TileDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The periodic jobs of {@code serve} and {@code worker} (docs/architecture.md "Periodic jobs"), with Ichnaea's names
 * and default periods; {@code ICHNAEA_JOB_INTERVALS} overrides the periods ({@code name=seconds}, 0 turns a job off).
 * The report drain ({@code update_incoming}) runs in every process at once, sharing the queues' work; every other
 * job runs at most once at a time across all processes (a Redis lock when Redis is configured).
 */
final class PipelineJobs {

    private static final Logger LOG = LoggerFactory.getLogger(PipelineJobs.class);

    static final Settings.Option INTERVALS = Settings.JOB_INTERVALS;

    /** Default periods in seconds of the periodic jobs. */
    static final Map<String, Long> DEFAULT_PERIODS;

    static {
        Map<String, Long> periods = new LinkedHashMap<>();
        periods.put("update_incoming", 32L);
        periods.put("export_reports", 32L);
        periods.put("update_statcounter", 600L);
        periods.put("update_statregion", 3600L);
        periods.put("update_tiles", 3600L);
        periods.put("cell_export_diff", 3600L);
        periods.put("monitor_queue_size_and_rate_control", 60L);
        periods.put("monitor_api_key_limits", 600L);
        periods.put("monitor_api_users", 600L);
        DEFAULT_PERIODS = java.util.Collections.unmodifiableMap(periods);
    }

    /** Daily jobs at Ichnaea's times (UTC). */
    static final Map<String, LocalTime> DAILY = Map.of(
            "cleanup_datamap", LocalTime.of(0, 17),
            "cleanup_stat", LocalTime.of(0, 23),
            "cleanup_applied_report", LocalTime.of(0, 29),
            "cell_export_full", LocalTime.of(0, 37));

    private PipelineJobs() {
    }

    /** Parses {@code name=seconds,name=seconds}; unknown names and bad numbers are errors. */
    static Map<String, Long> periods(String spec) {
        Map<String, Long> periods = new LinkedHashMap<>(DEFAULT_PERIODS);
        if (spec == null || spec.isBlank()) {
            return periods;
        }
        for (String part : spec.split(",")) {
            String item = part.trim();
            if (item.isEmpty()) {
                continue;
            }
            int eq = item.indexOf('=');
            String name = eq < 0 ? item : item.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            if (eq < 0 || !DEFAULT_PERIODS.containsKey(name)) {
                throw new IllegalArgumentException("ICHNAEA_JOB_INTERVALS: expected name=seconds with a name among "
                        + DEFAULT_PERIODS.keySet() + ", got '" + item + "'");
            }
            try {
                long seconds = Long.parseLong(item.substring(eq + 1).trim());
                if (seconds < 0) {
                    throw new NumberFormatException();
                }
                periods.put(name, seconds);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("ICHNAEA_JOB_INTERVALS: '" + item + "' needs whole seconds >= 0");
            }
        }
        return periods;
    }

    /** Everything the jobs work on. */
    record Parts(Application app, Pipeline pipeline, StatCounterFlush statFlush, PipelineMonitor monitor,
                 TileRenderer tiles, Clock clock) {
    }

    static Parts parts(Application app, Clock clock) {
        Pipeline pipeline = app.pipeline(clock);
        return new Parts(app, pipeline, app.statFlush(clock), app.monitor(pipeline, clock), new TileRenderer(), clock);
    }

    /** Drains every queue, then brings statistics, region totals and tiles up to date: the {@code process} command. */
    static Pipeline.Result processAll(Parts parts) {
        // A line at most every 2 s: long drains and renders show they move.
        ProgressLine progress = ProgressLine.to(System.out);
        parts.pipeline().onProgress((config, n) ->
                progress.line("process: " + config + ": " + n + " reports exported so far"));
        parts.app().replayAfterUncleanStop();
        Pipeline.Result result = parts.pipeline().drain();
        parts.statFlush().run();
        parts.app().regionStats.recompute();
        renderTiles(parts, new TileRenderer.Progress() {
            @Override
            public void cellsRead(long cells) {
                progress.line(String.format(Locale.ROOT, "process: tiles: %,d grid cells read", cells));
            }

            @Override
            public void layerDrawn(int done, int layers, long tiles) {
                progress.line(String.format(Locale.ROOT, "process: tiles: %d of %d zoom layers drawn, %,d tiles",
                        done, layers, tiles));
            }
        });
        return result;
    }

    static void renderTiles(Parts parts) {
        renderTiles(parts, TileRenderer.Progress.NONE);
    }

    static void renderTiles(Parts parts, TileRenderer.Progress progress) {
        LocalDate today = LocalDate.ofInstant(parts.clock().instant(), ZoneOffset.UTC);
        TileRenderer.Result r = parts.tiles().render(parts.app().datamap,
                new TileDirectory(parts.app().tilesDir()), today, progress);
        LOG.info("coverage tiles: {} grid cells, {} tiles in {} ms", r.cells(), r.tiles(), r.elapsedMillis());
    }

    /** Schedules every job; answers the scheduler (close it to stop). */
    static JobScheduler schedule(Parts parts, Map<String, Long> periods) {
        JobScheduler scheduler = new JobScheduler(parts.app().state.jobLock(), parts.clock(), 3);
        for (Job job : jobs(parts, periods)) {
            Duration initial = job.schedule() instanceof Job.Every every ? initialDelay(job.name(), every.period(),
                    parts.clock().instant()) : Duration.ZERO;
            scheduler.schedule(job, initial);
        }
        return scheduler;
    }

    /** Hourly exports at :03 as Ichnaea; the rest shortly after start, staggered. */
    static Duration initialDelay(String name, Duration period, Instant now) {
        if (name.equals("cell_export_diff") && period.equals(Duration.ofHours(1))) {
            Instant next = now.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofMinutes(3));
            return Duration.between(now, next.isAfter(now) ? next : next.plus(Duration.ofHours(1)));
        }
        long stagger = Math.floorMod(name.hashCode(), 10);
        Duration first = Duration.ofSeconds(5 + stagger);
        return first.compareTo(period) < 0 ? first : period;
    }

    static List<Job> jobs(Parts parts, Map<String, Long> periods) {
        Application app = parts.app();
        boolean countersInProcess = app.state.countersInProcess();
        List<Job> jobs = new ArrayList<>();
        periodic(jobs, periods, "update_incoming", false, () -> {
            try {
                app.replayAfterUncleanStop();
                parts.pipeline().drain(config -> config.schema() == ExportSchema.INTERNAL);
                app.pipelineHealth.success();
            } catch (RuntimeException e) {
                app.pipelineHealth.failure(e);
                throw e;
            }
            if (countersInProcess) {
                // In-process counters would be lost by a restart: move them into the table at once, also when the
                // process is stopping (the flag cleared meanwhile: H2 closes its file on an interrupted thread's I/O).
                org.ichnaea.core.Uninterrupted.run(parts.statFlush()::run);
            }
        });
        // Remote and file exports on a thread of their own: an upstream timing out (60 s, three attempts) must
        // not hold up the stations.
        periodic(jobs, periods, "export_reports", false,
                () -> parts.pipeline().drain(config -> config.schema() != ExportSchema.INTERNAL));
        periodic(jobs, periods, "update_statcounter", true, () -> parts.statFlush().run());
        periodic(jobs, periods, "update_statregion", true, () -> app.regionStats.recompute());
        periodic(jobs, periods, "update_tiles", true, () -> renderTiles(parts));
        periodic(jobs, periods, "cell_export_diff", true, () -> {
            try {
                CellExports.diff(app.cells, app.exportDir(), parts.clock().instant());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        periodic(jobs, periods, "monitor_queue_size_and_rate_control", true,
                () -> parts.monitor().queueSizeAndRateControl());
        periodic(jobs, periods, "monitor_api_key_limits", true, () -> parts.monitor().apiKeyLimits());
        periodic(jobs, periods, "monitor_api_users", true, () -> parts.monitor().apiUsers());
        jobs.add(Job.daily("cleanup_datamap", DAILY.get("cleanup_datamap"), () -> {
            int n = app.datamap.deleteModifiedBefore(today(parts).minusDays(365));
            LOG.info("cleanup_datamap: {} grid cells older than a year deleted", n);
        }));
        jobs.add(Job.daily("cleanup_stat", DAILY.get("cleanup_stat"), () -> {
            int n = app.stats.deleteBefore(today(parts).minusDays(730));
            LOG.info("cleanup_stat: {} stat rows older than two years deleted", n);
        }));
        jobs.add(Job.daily("cleanup_applied_report", DAILY.get("cleanup_applied_report"), () -> {
            int n = app.ledger.deleteBefore(today(parts).minusDays(ReportLedger.RETENTION_DAYS));
            LOG.info("cleanup_applied_report: {} ledger entries older than {} days deleted", n,
                    ReportLedger.RETENTION_DAYS);
        }));
        jobs.add(Job.daily("cell_export_full", DAILY.get("cell_export_full"), () -> {
            CellExports.full(app.cells, app.exportDir(), parts.clock().instant());
            int pruned = CellExports.prune(app.exportDir());
            if (pruned > 0) {
                LOG.info("cell_export_full: {} export files beyond the last {} full and {} hourly deleted", pruned,
                        CellExports.KEEP_FULL, CellExports.KEEP_DIFF);
            }
        }));
        return jobs;
    }

    private static LocalDate today(Parts parts) {
        return LocalDate.ofInstant(parts.clock().instant(), ZoneOffset.UTC);
    }

    private static void periodic(List<Job> jobs, Map<String, Long> periods, String name, boolean exclusive,
                                 Job.Task task) {
        long seconds = periods.getOrDefault(name, 0L);
        if (seconds > 0) {
            jobs.add(Job.every(name, Duration.ofSeconds(seconds), exclusive, task));
        } else {
            LOG.info("job {} is off (ICHNAEA_JOB_INTERVALS)", name);
        }
    }
}
