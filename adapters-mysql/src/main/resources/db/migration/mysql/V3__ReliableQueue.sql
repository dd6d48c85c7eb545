-- At-least-once delivery without double counting (docs/reliability.md, decisions/010): queue items are claimed
-- under a lease before they are deleted (lease_until in epoch milliseconds), and every station transaction records
-- the reports it applied, per scope (station type and shard), in applied_report, so a batch delivered twice counts
-- once. h2/V3__ReliableQueue.sql is the same without the table options.

ALTER TABLE queue_item ADD COLUMN claim_id VARCHAR(40);
ALTER TABLE queue_item ADD COLUMN claim_owner VARCHAR(200);
ALTER TABLE queue_item ADD COLUMN lease_until BIGINT;
CREATE INDEX queue_item_claim_idx ON queue_item (queue_name, claim_id, id);

CREATE TABLE applied_report (
    scope SMALLINT NOT NULL, report_id BIGINT NOT NULL, created DATE NOT NULL,
    PRIMARY KEY (scope, report_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX applied_report_created_idx ON applied_report (created);
