package org.ichnaea.mysql;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ichnaea.core.station.ReportLedger;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The {@code applied_report} table: which reports a station transaction already applied in a scope. Read and
 * written inside the station transactions (after their locking reads), so a report delivered twice counts once;
 * two transactions inserting the same id at once collide on the primary key and the later one runs again.
 */
final class Ledgers {

    private static final int CHUNK = 1000;

    private Ledgers() {
    }

    /**
     * The ledger's reports that are recorded already. On H2 the lookup names the report-id index (V5): H2's planner
     * otherwise scans the whole scope through the primary key.
     */
    static Set<Long> applied(Handle h, Dialect dialect, ReportLedger ledger) {
        Set<Long> applied = new HashSet<>();
        if (ledger.isNone()) {
            return applied;
        }
        List<Long> ids = new ArrayList<>(ledger.reports());
        for (int from = 0; from < ids.size(); from += CHUNK) {
            applied.addAll(h.createQuery("SELECT report_id FROM applied_report"
                            + (dialect == Dialect.H2 ? " USE INDEX (applied_report_id_idx)" : "")
                            + " WHERE scope = :scope AND report_id IN (<ids>)")
                    .bind("scope", ledger.scope()).bindList("ids", ids.subList(from, Math.min(ids.size(),
                            from + CHUNK)))
                    .mapTo(Long.class).list());
        }
        return applied;
    }

    /** Records the ledger's reports that were not recorded before. */
    static void record(Handle h, ReportLedger ledger, Set<Long> before) {
        if (ledger.isNone()) {
            return;
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        PreparedBatch batch = h.prepareBatch(
                "INSERT INTO applied_report (scope, report_id, created) VALUES (:scope, :id, :created)");
        int rows = 0;
        for (Long id : ledger.reports()) {
            if (!before.contains(id)) {
                batch.bind("scope", ledger.scope()).bind("id", id).bind("created", today).add();
                rows++;
            }
        }
        if (rows > 0) {
            batch.execute();
        }
    }

    /** Deletes the ids recorded before {@code day}; answers how many. */
    static int prune(Handle h, LocalDate day) {
        return h.createUpdate("DELETE FROM applied_report WHERE created < :day").bind("day", day).execute();
    }
}
