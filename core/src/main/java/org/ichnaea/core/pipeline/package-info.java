/**
 * The report pipeline after the queues: the fan-out of {@code update_incoming} to one queue per export configuration
 * and the export runs ({@link org.ichnaea.core.pipeline.Pipeline}, docs/algorithms.md §13.1); the {@code internal}
 * export ({@link org.ichnaea.core.pipeline.InternalExporter}, §13.2), which turns reports into weighted observations
 * ({@link org.ichnaea.core.pipeline.ReportObservations}, {@link org.ichnaea.core.pipeline.ObservationWeight}, §13.6),
 * applies them to the stations through the updater's state machine ({@link org.ichnaea.core.pipeline.StationUpdater},
 * {@link org.ichnaea.core.pipeline.StationUpdate}, §13.7) and recomputes the cell areas that changed
 * ({@link org.ichnaea.core.pipeline.CellAreaUpdater}, §13.8); what it leaves out, by reason
({@link org.ichnaea.core.pipeline.DropReason}); and whether the pipeline still gets through its queue
 * ({@link org.ichnaea.core.pipeline.PipelineHealth}). The jobs that run it are in {@code core.jobs} and {@code app}.
 */
package org.ichnaea.core.pipeline;
