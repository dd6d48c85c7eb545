package org.ichnaea.mysql.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.ichnaea.core.export.ExportConfig;
import org.ichnaea.core.station.StationSource;

/**
 * The default export configuration, {@link ExportConfig#defaultInternal()}: reports feed the service's own stations,
 * so a fresh installation learns without further set-up (Ichnaea's deployments added this row by hand). Written for
 * MySQL/MariaDB and H2 alike; skipped when a configuration of that name exists.
 */
public final class V2__DefaultExport extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        ExportConfig config = ExportConfig.defaultInternal();
        try (PreparedStatement exists = connection.prepareStatement(
                "SELECT COUNT(*) FROM export_config WHERE name = ?")) {
            exists.setString(1, config.name());
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next() && rs.getLong(1) > 0) {
                    return;
                }
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO export_config "
                + "(name, batch, schema_name, url, skip_keys, skip_sources) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, config.name());
            insert.setInt(2, config.batch());
            insert.setString(3, config.schema().id());
            if (config.url() == null) {
                insert.setNull(4, Types.VARCHAR);
            } else {
                insert.setString(4, config.url());
            }
            insert.setString(5, String.join(",", new TreeSet<>(config.skipKeys())));
            insert.setString(6, config.skipSources().stream().map(StationSource::label).sorted()
                    .collect(Collectors.joining(",")));
            insert.executeUpdate();
        }
    }
}
