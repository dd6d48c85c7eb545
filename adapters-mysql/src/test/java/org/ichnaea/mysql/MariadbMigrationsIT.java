package org.ichnaea.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link MigrationsContract} on the MariaDB of {@code TEST_DB_URL}, in databases of its own
 * ({@code ichnaea_schema_it_*}, dropped after each test), and the same tables, columns and indexes as on H2.
 */
class MariadbMigrationsIT extends MigrationsContract {

    private static final String PREFIX = "ichnaea_schema_it_";

    private final List<String> created = new ArrayList<>();

    @Override
    protected Database emptyDatabase(String name) {
        String database = PREFIX + name;
        admin("DROP DATABASE IF EXISTS " + database, "CREATE DATABASE " + database);
        created.add(database);
        return Database.open(settings(database, "schema-it-" + name));
    }

    @AfterEach
    void dropDatabases() {
        admin(created.stream().map(database -> "DROP DATABASE IF EXISTS " + database).toArray(String[]::new));
    }

    /** Runs statements on {@code TEST_DB_URL} (skipped, or failed under {@code CI=true}, when it is unset). */
    private static void admin(String... statements) {
        try (Database admin = Database.open(settings("", "schema-it-admin"))) {
            admin.jdbi().useHandle(h -> {
                for (String sql : statements) {
                    h.execute(sql);
                }
            });
        }
    }

    /** {@code TEST_DB_URL} with another database (none: ""). */
    private static MysqlSettings settings(String database, String pool) {
        DatabaseUrls.Target target = DatabaseUrls.parse(TestDatabases.mariadbUrl());
        String url = target.jdbcUrl().replaceFirst("^(jdbc:mariadb://[^/]*/)[^?]*", "$1" + database);
        assertThat(url).contains("/" + database + "?");
        return new MysqlSettings(url, target.user(), target.password(), 2, MysqlSettings.WORKER_CONNECTION_TIMEOUT,
                false, pool);
    }

    @Test
    void h2_and_mariadb_have_the_same_tables_columns_and_indexes() throws SQLException {
        try (Database h2 = Database.open(MysqlSettings.embedded(tempDir.resolve("h2"), false, 4));
             Database mariadb = emptyDatabase("portable")) {
            h2.migrate();
            mariadb.migrate();
            List<String> onH2 = SchemaDump.portable(h2.dataSource(), h2.dialect());
            List<String> onMariadb = SchemaDump.portable(mariadb.dataSource(), mariadb.dialect());

            // The one difference, on purpose: V5's index of applied_report by report id, on H2 only.
            String h2Only = "index applied_report.applied_report_id_idx index (report_id)";
            assertThat(onH2).contains(h2Only).hasSizeGreaterThan(700);
            assertThat(onMariadb).containsExactlyElementsOf(onH2.stream().filter(line -> !line.equals(h2Only))
                    .toList());
            assertThat(mariadb.schemaVersion()).isEqualTo(h2.schemaVersion()).isEqualTo("5");
        }
    }
}
