package org.ichnaea.core.export;

import java.util.List;
import org.ichnaea.core.submit.IncomingReport;

/** Sends one batch of reports somewhere (docs/algorithms.md §13.1). */
public interface ReportExporter {

    /**
     * Exports the batch, all or nothing as far as the receiver allows; a {@link RetriableExportException} asks for
     * another attempt, any other exception is final for this run and the batch stays queued.
     */
    void export(ExportConfig config, List<IncomingReport> batch) throws RetriableExportException;
}
