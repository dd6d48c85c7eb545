/**
 * Export configurations and their schemas (docs/algorithms.md §13.1): the {@code export_config} rows, the port that
 * keeps them, and the port each schema's exporter implements. {@link org.ichnaea.core.pipeline.Pipeline} sends every
 * queued report to each configuration that accepts it, through one queue per configuration, and drains each queue
 * through its exporter in batches.
 */
package org.ichnaea.core.export;
