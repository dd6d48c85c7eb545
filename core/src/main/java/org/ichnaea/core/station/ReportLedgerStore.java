package org.ichnaea.core.station;

import java.time.LocalDate;

/**
 * Where the station stores keep their ledger of applied reports ({@link ReportLedger}); here only its clean-up,
 * since the ledger is written inside the station transactions. Faults surface as
 * {@link org.ichnaea.core.StoreUnavailableException}.
 */
public interface ReportLedgerStore {

    /** Forgets the reports recorded before {@code day}; answers how many entries went. */
    int deleteBefore(LocalDate day);

    /** How many entries the ledger holds. */
    long count();
}
