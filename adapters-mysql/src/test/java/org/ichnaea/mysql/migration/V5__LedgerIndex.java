package org.ichnaea.mysql.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.ichnaea.mysql.Dialect;

/**
 * On H2, an index of {@code applied_report} by report id alone: H2 looks up {@code scope = ? AND report_id IN (...)}
 * by scanning every row of the scope through the (scope, report_id) key, so each station transaction cost more as
 * the ledger grew (a 500,000-report backlog slowed to 1,400 reports/s, every thread dump in that scan). MariaDB and
 * MySQL look the list up in the primary key and need no second index.
 */
public final class V5__LedgerIndex extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        if (Dialect.ofProduct(connection.getMetaData().getDatabaseProductName()) != Dialect.H2) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE INDEX applied_report_id_idx ON applied_report (report_id)");
        }
    }
}
