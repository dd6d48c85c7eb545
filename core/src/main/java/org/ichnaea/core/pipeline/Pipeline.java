package org.ichnaea.core.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.ichnaea.core.export.ExportConfig;
import org.ichnaea.core.export.ExportConfigStore;
import org.ichnaea.core.export.ExportSchema;
import org.ichnaea.core.export.InMemoryExportConfigStore;
import org.ichnaea.core.export.ReportExporter;
import org.ichnaea.core.export.RetriableExportException;
import org.ichnaea.core.queue.DataQueue;
import org.ichnaea.core.queue.InMemoryDataQueue;
import org.ichnaea.core.station.BlueStationStore;
import org.ichnaea.core.station.CellStationStore;
import org.ichnaea.core.station.WifiStationStore;
import org.ichnaea.core.submit.IncomingReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The report pipeline (docs/algorithms.md §13.1): {@link #fanOut()} moves every report of
 * {@code update_incoming} to the queue of each export configuration that accepts it; {@link #export} drains one
 * configuration's queue through the exporter of its schema, in batches of its {@code batch} size, with up to three
 * attempts on retriable errors (sleeping 1 s, then 2 s). A batch is taken off a queue only as it is processed; when
 * it fails it goes back to the tail of its queue, so nothing accepted is lost (duplicates are tolerated,
 * docs/decisions/010-at-least-once-pipeline.md). With no export configuration at all the reports stay in
 * {@code update_incoming} (Ichnaea would drop them).
 */
public final class Pipeline {

    /** Reports per fan-out batch, as Ichnaea's {@code update_incoming} task. */
    public static final int BATCH = 5000;
    /** Attempts per export batch (docs/algorithms.md §13.1). */
    static final int ATTEMPTS = 3;
    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

    /** Waits between export attempts; tests pass one that does not sleep. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final DataQueue<IncomingReport> incoming;
    private final ExportConfigStore configs;
    private final Function<String, DataQueue<IncomingReport>> queueFactory;
    private final Map<String, DataQueue<IncomingReport>> queues = new ConcurrentHashMap<>();
    private final Map<ExportSchema, ReportExporter> exporters;
    private final InternalExporter internal;
    private final Sleeper sleeper;

    /**
     * @param queues    opens the named queue of an export configuration ({@code queue_export_<name>})
     * @param exporters the exporter of each schema; reports of a configuration whose schema has none stay queued
     * @param internal  the exporter of the {@code internal} schema, whose totals {@link #drain()} reports
     */
    public Pipeline(DataQueue<IncomingReport> incoming, ExportConfigStore configs,
                    Function<String, DataQueue<IncomingReport>> queues, Map<ExportSchema, ReportExporter> exporters,
                    InternalExporter internal, Sleeper sleeper) {
        this.incoming = incoming;
        this.configs = configs;
        this.queueFactory = queues;
        this.exporters = new EnumMap<>(ExportSchema.class);
        this.exporters.putAll(exporters);
        this.exporters.putIfAbsent(ExportSchema.DUMMY, (config, batch) -> { });
        if (internal != null) {
            this.exporters.put(ExportSchema.INTERNAL, internal);
        }
        this.internal = internal;
        this.sleeper = sleeper;
    }

    /**
     * A pipeline with only the internal export and in-memory export queues: for tests and for embedding the engine
     * in another application.
     */
    public static Pipeline internalOnly(DataQueue<IncomingReport> incoming, InternalExporter internal) {
        return new Pipeline(incoming, new InMemoryExportConfigStore(ExportConfig.defaultInternal()),
                name -> new InMemoryDataQueue<>(), Map.of(), internal, duration -> { });
    }

    /** What a drain did to the stations, and what it left out by {@link DropReason}. */
    public record Result(int reports, int droppedReports, int observations, Map<StationAction, Integer> actions,
                         Map<DropReason, Integer> drops) {

        /** A result that counted no drops by reason. */
        public Result(int reports, int droppedReports, int observations, Map<StationAction, Integer> actions) {
            this(reports, droppedReports, observations, actions, DropReason.emptyCounts());
        }
    }

    /** Everything the internal exporter applied and left out since this pipeline was built (metrics). */
    public Result internalTotals() {
        return internal == null ? new Result(0, 0, 0, StationUpdater.emptyCounts()) : internal.totals();
    }

    /** What one export run did. */
    public record ExportRun(String config, int exported, int batches, boolean failed) {
    }

    /** Told after each exported batch: the configuration's name and the reports it has exported in this run. */
    @FunctionalInterface
    public interface Progress {
        void exported(String config, int reportsSoFar);
    }

    private volatile Progress progress = (config, n) -> { };

    /** Sets who is told of each exported batch (the {@code process} command prints progress lines). */
    public void onProgress(Progress listener) {
        this.progress = listener == null ? (config, n) -> { } : listener;
    }

    /** The queue of an export configuration. */
    public DataQueue<IncomingReport> queue(ExportConfig config) {
        return queues.computeIfAbsent(config.queueName(), queueFactory);
    }

    /** The current export configurations. */
    public List<ExportConfig> configs() {
        return configs.findAll();
    }

    /**
     * Ichnaea's {@code update_incoming}: moves every waiting report to the queues of the configurations accepting
     * it (skip_keys, skip_sources). Answers how many reports were moved.
     */
    public int fanOut() {
        List<ExportConfig> all = configs.findAll();
        if (all.isEmpty()) {
            long waiting = incoming.size();
            if (waiting > 0) {
                LOG.warn("no export configuration: {} reports wait in update_incoming (add one with "
                        + "'ichnaea exportconfig create')", waiting);
            }
            return 0;
        }
        recover(incoming, "update_incoming");
        int moved = 0;
        int skipped = 0;
        while (true) {
            // The reports stay in update_incoming, claimed, until every export queue has its copy: a crash in
            // between gives some queues a second copy after the claim is recovered, never a loss.
            try (DataQueue.Claim<IncomingReport> claim = incoming.claim(BATCH)) {
                List<IncomingReport> batch = claim.items();
                if (batch.isEmpty()) {
                    break;
                }
                try {
                    for (ExportConfig config : all) {
                        List<IncomingReport> accepted = new ArrayList<>(batch.size());
                        for (IncomingReport report : batch) {
                            if (config.accepts(report.apiKey(), report.source())) {
                                accepted.add(report);
                            }
                        }
                        skipped += batch.size() - accepted.size();
                        if (!accepted.isEmpty()) {
                            queue(config).enqueue(accepted);
                        }
                    }
                } catch (RuntimeException e) {
                    // Some export queues may have the batch already: duplicates, not losses.
                    LOG.warn("fan-out of {} reports failed, put them back: {}", batch.size(), e.toString());
                    throw e;
                }
                claim.ack();
                moved += batch.size();
            }
        }
        if (skipped > 0) {
            LOG.debug("fan-out skipped {} report copies by skip_keys/skip_sources", skipped);
        }
        return moved;
    }

    /**
     * Ichnaea's {@code export_reports}: drains the configuration's queue through its exporter. A batch that still
     * fails after the last attempt goes back to the queue and ends this run ({@code failed}); a non-retriable
     * failure does the same and is rethrown.
     */
    public ExportRun export(ExportConfig config) {
        ReportExporter exporter = exporters.get(config.schema());
        DataQueue<IncomingReport> queue = queue(config);
        if (exporter == null) {
            long waiting = queue.size();
            if (waiting > 0) {
                LOG.warn("export {}: no exporter for schema {} here; {} reports stay queued", config.name(),
                        config.schema().id(), waiting);
            }
            return new ExportRun(config.name(), 0, 0, false);
        }
        int exported = 0;
        int batches = 0;
        if (Thread.currentThread().isInterrupted()) {
            return new ExportRun(config.name(), exported, batches, false);
        }
        recover(queue, config.queueName());
        while (true) {
            if (Thread.currentThread().isInterrupted()) {
                // The process is stopping (the scheduler interrupts its jobs): the rest stays queued for the next run.
                return new ExportRun(config.name(), exported, batches, false);
            }
            // A batch leaves its queue only once it is exported: a crash before that leaves it claimed, and it
            // comes back when the claim is recovered (the internal exporter applies a report once by its id).
            try (DataQueue.Claim<IncomingReport> claim = queue.claim(config.batch())) {
                List<IncomingReport> batch = claim.items();
                if (batch.isEmpty()) {
                    return new ExportRun(config.name(), exported, batches, false);
                }
                if (!attempt(config, exporter, claim)) {
                    return new ExportRun(config.name(), exported, batches, true);
                }
                // Acknowledged with the interrupt flag cleared (the log queue's file channels close on an interrupt,
                // and the batch is applied); the flag is set again for the check above.
                org.ichnaea.core.Uninterrupted.run(claim::ack);
                exported += batch.size();
                batches++;
                progress.exported(config.name(), exported);
            }
        }
    }

    /** Puts back what crashed consumers had claimed; a failure here is logged, not fatal to the run. */
    private static void recover(DataQueue<IncomingReport> queue, String name) {
        try {
            queue.recover();
        } catch (RuntimeException e) {
            LOG.warn("queue {}: could not recover abandoned claims: {}", name, e.toString());
        }
    }

    private boolean attempt(ExportConfig config, ReportExporter exporter, DataQueue.Claim<IncomingReport> claim) {
        List<IncomingReport> batch = claim.items();
        for (int i = 0; ; i++) {
            try {
                exporter.export(config, batch);
                return true;
            } catch (RetriableExportException e) {
                if (i + 1 >= ATTEMPTS) {
                    claim.release();
                    LOG.warn("export {}: {} reports failed {} times, kept queued: {}", config.name(), batch.size(),
                            ATTEMPTS, e.getMessage());
                    return false;
                }
                try {
                    sleeper.sleep(Duration.ofSeconds(i * i + 1L));
                } catch (InterruptedException interrupted) {
                    claim.release();
                    Thread.currentThread().interrupt();
                    return false;
                }
            } catch (RuntimeException e) {
                claim.release();
                LOG.warn("export {}: {} reports failed, kept queued: {}", config.name(), batch.size(), e.toString());
                throw e;
            }
        }
    }

    /**
     * Fans out, then drains every configuration's queue: the {@code process} command and tests. Failures of one
     * configuration do not stop the others; the first non-retriable failure is rethrown at the end.
     */
    public Result drain() {
        return drain(config -> true);
    }

    /**
     * Fans out, then drains the queues of the configurations {@code which} selects, the internal one first, so that
     * a slow remote export never delays the service's own stations: {@code update_incoming} drains the internal
     * export and {@code export_reports} the others, on their own threads.
     */
    public Result drain(java.util.function.Predicate<ExportConfig> which) {
        Result before = internal == null ? null : internal.totals();
        fanOut();
        RuntimeException failure = null;
        List<ExportConfig> selected = new ArrayList<>();
        for (ExportConfig config : configs.findAll()) {
            if (which.test(config)) {
                selected.add(config);
            }
        }
        selected.sort(java.util.Comparator.comparing(c -> c.schema() != ExportSchema.INTERNAL));
        for (ExportConfig config : selected) {
            if (Thread.currentThread().isInterrupted()) {
                break;
            }
            try {
                export(config);
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        if (internal == null) {
            return new Result(0, 0, 0, StationUpdater.emptyCounts());
        }
        Result after = internal.totals();
        Map<StationAction, Integer> actions = StationUpdater.emptyCounts();
        after.actions().forEach((action, n) -> actions.put(action, n - before.actions().get(action)));
        Map<DropReason, Integer> drops = DropReason.emptyCounts();
        after.drops().forEach((reason, n) -> drops.put(reason, n - before.drops().getOrDefault(reason, 0)));
        Result result = new Result(after.reports() - before.reports(),
                after.droppedReports() - before.droppedReports(), after.observations() - before.observations(),
                actions, drops);
        if (result.reports() > 0) {
            LOG.info("processed {} reports ({} dropped), {} observations: {}, left out: {}", result.reports(),
                    result.droppedReports(), result.observations(), actions, DropReason.describe(drops));
        }
        return result;
    }

    /** Reports waiting in {@code update_incoming} and every export queue. */
    public Map<String, Long> queueSizes() {
        Map<String, Long> sizes = new java.util.LinkedHashMap<>();
        sizes.put("update_incoming", incoming.size());
        for (ExportConfig config : configs.findAll()) {
            sizes.put(config.queueName(), queue(config).size());
        }
        return sizes;
    }
}
