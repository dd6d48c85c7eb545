package org.ichnaea.core.station;

import java.util.Set;

/**
 * The reports one station transaction applies within one scope (a station type and shard), recorded by the store
 * in the same transaction as the stations, so that a report delivered again counts once (docs/reliability.md).
 * {@code change} functions get the subset of {@link #reports()} that an earlier transaction already applied and
 * leave their observations out.
 *
 * @param scope   a small number naming the station type and shard ({@link #macScope}, {@link #CELLS})
 * @param reports the ids of the reports whose observations this transaction applies
 */
public record ReportLedger(int scope, Set<Long> reports) {

    /** No ledger: nothing is recorded and nothing counts as applied before. */
    public static final ReportLedger NONE = new ReportLedger(-1, Set.of());
    /** The scope of cell transactions (one per batch). */
    public static final int CELLS = 64;
    /** How long applied report ids are kept: longer than any redelivery (a claim's lease, a client's retry). */
    public static final int RETENTION_DAYS = 7;

    public ReportLedger {
        reports = Set.copyOf(reports);
    }

    /** The scope of a Wi-Fi ({@code kind} 0) or Bluetooth ({@code kind} 1) shard (0 to 15). */
    public static int macScope(int kind, int shard) {
        return kind * 16 + shard;
    }

    public boolean isNone() {
        return scope < 0 || reports.isEmpty();
    }
}
