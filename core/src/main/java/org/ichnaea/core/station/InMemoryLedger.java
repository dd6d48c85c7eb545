package org.ichnaea.core.station;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The applied-report ledger of the in-memory stores: ids per scope, forgotten after the retention period. */
final class InMemoryLedger {

    private static final long RETENTION_NANOS = ReportLedger.RETENTION_DAYS * 86_400L * 1_000_000_000L;
    private final Map<Integer, LinkedHashMap<Long, Long>> scopes = new HashMap<>();

    /** The ledger's reports already recorded. */
    synchronized Set<Long> applied(ReportLedger ledger) {
        Set<Long> applied = new HashSet<>();
        if (ledger.isNone()) {
            return applied;
        }
        Map<Long, Long> seen = scopes.getOrDefault(ledger.scope(), new LinkedHashMap<>());
        for (Long report : ledger.reports()) {
            if (seen.containsKey(report)) {
                applied.add(report);
            }
        }
        return applied;
    }

    synchronized void record(ReportLedger ledger) {
        if (ledger.isNone()) {
            return;
        }
        long now = System.nanoTime();
        LinkedHashMap<Long, Long> seen = scopes.computeIfAbsent(ledger.scope(), k -> new LinkedHashMap<>());
        for (Long report : ledger.reports()) {
            seen.putIfAbsent(report, now);
        }
        for (Iterator<Long> it = seen.values().iterator(); it.hasNext(); ) {
            if (now - it.next() > RETENTION_NANOS) {
                it.remove();
            } else {
                break;
            }
        }
    }
}
