package org.ichnaea.mysql;

import java.time.LocalDate;
import org.ichnaea.core.station.ReportLedgerStore;

/** The {@code applied_report} table's clean-up (the station stores write it, {@link Ledgers}). */
public final class MysqlReportLedgerStore implements ReportLedgerStore {

    private final Database writes;

    public MysqlReportLedgerStore(Database writes) {
        this.writes = writes;
    }

    @Override
    public int deleteBefore(LocalDate day) {
        return Sql.retrying("applied_report clean-up", () -> writes.jdbi().inTransaction(h -> Ledgers.prune(h, day)));
    }

    @Override
    public long count() {
        return Sql.guard("applied_report count", () -> writes.jdbi().withHandle(h ->
                h.createQuery("SELECT COUNT(*) FROM applied_report").mapTo(Long.class).one()));
    }
}
