-- At-least-once delivery without double counting: mysql/V3__ReliableQueue.sql for H2, without the table options.

ALTER TABLE queue_item ADD COLUMN claim_id VARCHAR(40);
ALTER TABLE queue_item ADD COLUMN claim_owner VARCHAR(200);
ALTER TABLE queue_item ADD COLUMN lease_until BIGINT;
CREATE INDEX queue_item_claim_idx ON queue_item (queue_name, claim_id, id);

CREATE TABLE applied_report (
    scope SMALLINT NOT NULL, report_id BIGINT NOT NULL, created DATE NOT NULL,
    PRIMARY KEY (scope, report_id)
);
CREATE INDEX applied_report_created_idx ON applied_report (created);
