package org.ichnaea.mysql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.CoreMigrationType;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The schema's Flyway configuration: SQL migrations in {@code db/migration/common} for every dialect, and in
 * {@code db/migration/mysql} or {@code db/migration/h2} where the SQL differs (docs/storage.md, "Schema";
 * decisions/015). Flyway records each file's checksum, so a database whose applied migration was edited since fails
 * validation instead of drifting.
 */
final class Migrations {

    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

    /** The package of the Java migrations that versions 1 to 5 were before they became SQL files. */
    static final String JAVA_MIGRATIONS = "org.ichnaea.mysql.migration.";

    private Migrations() {
    }

    /** Flyway on a pool of the given dialect. */
    static Flyway flyway(DataSource dataSource, Dialect dialect) {
        return Flyway.configure().dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + folder(dialect)).load();
    }

    /** The folder of the migrations that differ by dialect. */
    static String folder(Dialect dialect) {
        return dialect == Dialect.H2 ? "h2" : "mysql";
    }

    /** Adopts a history the Java migrations wrote ({@link #adoptJavaMigrations}), then migrates. */
    static void migrate(Flyway flyway) {
        adoptJavaMigrations(flyway);
        flyway.migrate();
    }

    /**
     * Versions 1 to 5 were Java migrations ({@code org.ichnaea.mysql.migration.V1__Schema} ..): a database they created
     * records them with type {@code JDBC}, the class name as script and no checksum. Flyway takes such a row and the
     * SQL file of the same version for two different migrations (one applied but missing, one pending), so
     * {@code migrate} fails validation; its {@code repair} would mark the rows deleted, and the files would then run
     * again over the existing tables. The SQL files create what the classes did (tested), so these rows are
     * rewritten, in one transaction, to the files' type, script and checksum, as if the files had run. All or none:
     * when a row is a failed migration or has no file of its version and description, the history stays as it is,
     * for {@code migrate} to report.
     *
     * @return the versions adopted; empty when there were none
     */
    static List<String> adoptJavaMigrations(Flyway flyway) {
        Map<String, MigrationInfo> files = new HashMap<>();
        List<MigrationInfo> java = new ArrayList<>();
        for (MigrationInfo migration : flyway.info().all()) {
            if (isJavaMigration(migration)) {
                java.add(migration);
            } else if (!migration.isApplied() && migration.isVersioned()
                    && migration.getType() == CoreMigrationType.SQL) {
                files.put(migration.getVersion().getVersion(), migration);
            }
        }
        if (java.isEmpty()) {
            return List.of();
        }
        List<String> adopted = new ArrayList<>();
        String table = flyway.getConfiguration().getTable();
        try (Connection c = flyway.getConfiguration().getDataSource().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement update = c.prepareStatement("UPDATE " + table + " SET type = 'SQL', checksum = ?, "
                    + "script = ? WHERE installed_rank = ? AND type = 'JDBC' AND script = ? AND success = TRUE")) {
                for (MigrationInfo row : java) {
                    MigrationInfo file = files.get(row.getVersion().getVersion());
                    if (file != null && file.getDescription().equals(row.getDescription())) {
                        update.setInt(1, file.getChecksum());
                        update.setString(2, file.getScript());
                        update.setInt(3, row.getInstalledRank());
                        update.setString(4, row.getScript());
                        if (update.executeUpdate() == 1) {
                            adopted.add(row.getVersion().getVersion());
                            continue;
                        }
                    }
                    c.rollback();
                    LOG.warn("schema history: {} ({}) cannot become an SQL migration; history left as it is",
                            row.getScript(), row.getState());
                    return List.of();
                }
            }
            c.commit();
        } catch (SQLException e) {
            throw new FlywayException("cannot adopt the Java migrations' history rows: " + e.getMessage(), e);
        }
        LOG.info("schema history: versions {} were Java migrations, now their SQL files", adopted);
        return adopted;
    }

    /**
     * How many migrations {@code migrate} would run: Flyway's pending ones less the SQL files whose version a Java
     * migration's row holds ({@link #adoptJavaMigrations} adopts those; nothing runs), so that a database of release
     * 5 or earlier does not read as older than this version needs.
     */
    static int pending(MigrationInfoService info) {
        Set<String> java = new HashSet<>();
        for (MigrationInfo migration : info.all()) {
            if (isJavaMigration(migration)) {
                java.add(migration.getVersion().getVersion());
            }
        }
        int pending = 0;
        for (MigrationInfo migration : info.pending()) {
            if (migration.getVersion() == null || !java.contains(migration.getVersion().getVersion())) {
                pending++;
            }
        }
        return pending;
    }

    private static boolean isJavaMigration(MigrationInfo applied) {
        return applied.isApplied() && applied.getType() == CoreMigrationType.JDBC && applied.isVersioned()
                && applied.getScript() != null && applied.getScript().startsWith(JAVA_MIGRATIONS);
    }
}
