-- An index of applied_report by report id alone, on H2 only: H2 looks up scope = ? AND report_id IN (...) by
-- scanning every row of the scope through the (scope, report_id) key, so each station transaction cost more as the
-- ledger grew (a 500,000-report backlog slowed to 1,400 reports/s, every thread dump in that scan).
-- mysql/V5__LedgerIndex.sql does nothing.

CREATE INDEX applied_report_id_idx ON applied_report (report_id);
