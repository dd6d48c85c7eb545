package org.ichnaea.mysql;

import java.lang.reflect.Type;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ichnaea.core.station.ReportLedger;
import org.jdbi.v3.core.Handle;

/**
 * The {@code applied_report} table: which reports a station transaction already applied in a scope. Read and
 * written inside the station transactions (after their locking reads), so a report delivered twice counts once;
 * two transactions inserting the same id at once collide on the primary key and the later one runs again.
 */
final class Ledgers {

    private static final int CHUNK = 1000;
    private static final List<String> COLUMNS = List.of("scope", "report_id", "created");
    private static final List<Type> TYPES = List.of(Integer.class, Long.class, LocalDate.class);

    private Ledgers() {
    }

    /**
     * The ledger's reports that are recorded already: one statement per {@link #CHUNK} ids, over plain JDBC (Jdbi's
     * SQL parser on a long IN list costs more than the query). On H2 the lookup names the report-id index (V5): H2's
     * planner otherwise scans the whole scope through the primary key.
     */
    static Set<Long> applied(Handle h, Dialect dialect, ReportLedger ledger) {
        Set<Long> applied = new HashSet<>();
        if (ledger.isNone()) {
            return applied;
        }
        List<Long> ids = new ArrayList<>(ledger.reports());
        try {
            for (int from = 0; from < ids.size(); from += CHUNK) {
                List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
                try (PreparedStatement statement = h.getConnection().prepareStatement(
                        "SELECT report_id FROM applied_report"
                                + (dialect == Dialect.H2 ? " USE INDEX (applied_report_id_idx)" : "")
                                + " WHERE scope = ? AND report_id IN (" + "?, ".repeat(chunk.size() - 1) + "?)")) {
                    int position = 1;
                    statement.setInt(position++, ledger.scope());
                    for (Long id : chunk) {
                        statement.setLong(position++, id);
                    }
                    try (ResultSet rs = statement.executeQuery()) {
                        while (rs.next()) {
                            applied.add(rs.getLong(1));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new Upserts.Failure(e);
        }
        return applied;
    }

    /**
     * Records the ledger's reports that were not recorded before, in multi-row inserts ({@link Upserts}): a JDBC
     * batch reaches MariaDB as one statement per row, which cost the database more than the stations themselves.
     */
    static void record(Handle h, Dialect dialect, ReportLedger ledger, Set<Long> before) {
        if (ledger.isNone()) {
            return;
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<Long> ids = new ArrayList<>(ledger.reports());
        // In key order: fewer page splits, and two transactions recording the same ids meet them in one order.
        ids.sort(null);
        List<Object[]> rows = new ArrayList<>(ids.size());
        for (Long id : ids) {
            if (!before.contains(id)) {
                rows.add(new Object[] {ledger.scope(), id, today});
            }
        }
        Upserts.write(h, dialect, "applied_report", "report_id", COLUMNS, TYPES, rows, true);
    }

    /** Deletes the ids recorded before {@code day}; answers how many. */
    static int prune(Handle h, LocalDate day) {
        return h.createUpdate("DELETE FROM applied_report WHERE created < :day").bind("day", day).execute();
    }
}
