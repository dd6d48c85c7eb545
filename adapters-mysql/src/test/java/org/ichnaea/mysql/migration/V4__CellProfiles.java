package org.ichnaea.mysql.migration;

import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Cell signal profiles (docs/algorithms.md §14.3): where each cell is heard, per band of received
 * power and per timing advance, as {@code CellProfile}'s bytes (at most 1,105: 48 bands of 23 bytes and a version).
 * Null for cells learnt before, which gain one with their next GNSS observations.
 */
public final class V4__CellProfiles extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        try (Statement statement = context.getConnection().createStatement()) {
            for (String radio : new String[] {"gsm", "wcdma", "lte", "nr"}) {
                statement.execute("ALTER TABLE cell_" + radio + " ADD COLUMN profile VARBINARY(1200)");
            }
        }
    }
}
