package org.ichnaea.mysql.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.ichnaea.mysql.Dialect;

/**
 * At-least-once delivery without double counting (docs/reliability.md): queue items are claimed under a lease
 * before they are deleted ({@code claim_id}, {@code claim_owner}, {@code lease_until} in epoch milliseconds), and
 * every station transaction records the reports it applied, per scope (station type and shard), in
 * {@code applied_report}, so a batch delivered twice counts once.
 */
public final class V3__ReliableQueue extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        Dialect d = Dialect.ofProduct(connection.getMetaData().getDatabaseProductName());
        try (Statement statement = connection.createStatement()) {
            for (String sql : List.of(
                    "ALTER TABLE queue_item ADD COLUMN claim_id VARCHAR(40)",
                    "ALTER TABLE queue_item ADD COLUMN claim_owner VARCHAR(200)",
                    "ALTER TABLE queue_item ADD COLUMN lease_until BIGINT",
                    "CREATE INDEX queue_item_claim_idx ON queue_item (queue_name, claim_id, id)",
                    "CREATE TABLE applied_report (scope SMALLINT NOT NULL, report_id BIGINT NOT NULL, "
                            + "created DATE NOT NULL, PRIMARY KEY (scope, report_id))" + V1__Schema.tableOptions(d),
                    "CREATE INDEX applied_report_created_idx ON applied_report (created)")) {
                statement.execute(sql);
            }
        }
    }
}
