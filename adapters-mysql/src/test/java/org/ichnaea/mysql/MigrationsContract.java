package org.ichnaea.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.ichnaea.core.StoreUnavailableException;
import org.ichnaea.core.radio.MacAddress;
import org.ichnaea.core.testing.TestStations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SQL migrations of {@code db/migration} on one dialect: they create what the Java migrations they replace
 * created, a database those created opens without running anything again, and an edited applied migration fails
 * validation (docs/storage.md, "Schema"; decisions/015).
 */
abstract class MigrationsContract {

    @TempDir
    Path tempDir;

    /** A new, empty database (no tables, no Flyway history); the caller closes it. */
    protected abstract Database emptyDatabase(String name);

    /** Flyway with the old Java migrations (test sources, {@code org.ichnaea.mysql.migration}), as release 5 ran it. */
    static Flyway javaMigrations(Database db) {
        return Flyway.configure().dataSource(db.dataSource()).locations("classpath:org/ichnaea/mysql/migration")
                .load();
    }

    /** One row of {@code flyway_schema_history}. */
    record HistoryRow(int rank, String version, String type, Integer checksum, String script, String installedOn,
                      boolean success) {
    }

    static List<HistoryRow> history(Database db) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT installed_rank, version, type, checksum, script, "
                + "installed_on, success FROM flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank")
                .map((rs, ctx) -> new HistoryRow(rs.getInt(1), rs.getString(2), rs.getString(3),
                        (Integer) rs.getObject(4), rs.getString(5), rs.getString(6), rs.getBoolean(7)))
                .list());
    }

    private static List<String> exportConfigs(Database db) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT CONCAT_WS('|', name, batch, schema_name, "
                + "COALESCE(url, 'null'), skip_keys, skip_sources) FROM export_config ORDER BY name")
                .mapTo(String.class).list());
    }

    @Test
    void the_sql_migrations_create_what_the_java_migrations_created() throws SQLException {
        try (Database java = emptyDatabase("java"); Database sql = emptyDatabase("sql")) {
            javaMigrations(java).migrate();
            sql.migrate();

            List<String> expected = SchemaDump.exact(java.dataSource(), java.dialect());
            assertThat(expected).as("the Java migrations' schema").hasSizeGreaterThan(700)
                    .anyMatch(line -> line.startsWith("index wifi_shard_f.wifi_shard_f_latlon_idx index (lat, lon)"))
                    .anyMatch(line -> line.startsWith("column cell_nr.profile #25 "))
                    .anyMatch(line -> line.startsWith("index queue_item.queue_item_claim_idx index "
                            + "(queue_name, claim_id, id)"));
            assertThat(SchemaDump.exact(sql.dataSource(), sql.dialect())).containsExactlyElementsOf(expected);
            assertThat(exportConfigs(sql)).containsExactly("internal|1000|internal|null||")
                    .isEqualTo(exportConfigs(java));
            assertThat(sql.schemaVersion()).isEqualTo(java.schemaVersion()).isEqualTo("5");
            assertThat(history(sql)).extracting(HistoryRow::type).containsOnly("SQL");
            assertThat(history(sql)).extracting(HistoryRow::checksum).doesNotContainNull();
        }
    }

    @Test
    void every_table_the_runtime_names_exists() throws SQLException {
        try (Database db = emptyDatabase("names")) {
            db.migrate();
            List<String> dump = SchemaDump.portable(db.dataSource(), db.dialect());
            for (String kind : List.of("wifi", "blue")) {
                for (int shard = 0; shard < Schema.SHARDS.length(); shard++) {
                    assertThat(dump).contains("table " + Schema.shardTable(kind, shard) + " base table");
                }
            }
            assertThat(Schema.shardTable("wifi", MacAddress.of("a8:20:66:a1:b2:c3").shard()))
                    .isEqualTo("wifi_shard_6");
        }
    }

    @Test
    void a_database_the_java_migrations_created_opens_without_running_any_migration_again() throws SQLException {
        try (Database db = emptyDatabase("upgrade"); Database fresh = emptyDatabase("fresh")) {
            javaMigrations(db).migrate();
            new MysqlWifiStationStore(db, db).saveAll(List.of(TestStations.wifi("a2:00:00:00:00:01")
                    .at(52.5, 13.4).build()));
            // An operator deleted the default export configuration: V2 running again would bring it back.
            db.jdbi().useHandle(h -> h.execute("DELETE FROM export_config"));
            List<HistoryRow> before = history(db);
            assertThat(before).hasSize(5).allSatisfy(row -> {
                assertThat(row.type()).isEqualTo("JDBC");
                assertThat(row.checksum()).isNull();
                assertThat(row.script()).startsWith(Migrations.JAVA_MIGRATIONS);
            });

            assertThat(db.schemaStatus().pending()).as("current before migrate: web and worker start").isZero();
            assertThat(db.schemaVersion()).isEqualTo("5");

            db.migrate();

            List<HistoryRow> after = history(db);
            assertThat(after).hasSize(5);
            MigrationInfo[] resolved = Migrations.flyway(db.dataSource(), db.dialect()).info().all();
            for (int i = 0; i < 5; i++) {
                HistoryRow was = before.get(i);
                HistoryRow is = after.get(i);
                assertThat(is.rank()).isEqualTo(was.rank());
                assertThat(is.version()).isEqualTo(was.version()).isEqualTo(String.valueOf(i + 1));
                assertThat(is.installedOn()).as("not run again").isEqualTo(was.installedOn());
                assertThat(is.type()).isEqualTo("SQL");
                assertThat(is.checksum()).isNotNull().isEqualTo(resolved[i].getResolvedChecksum());
                assertThat(is.success()).isTrue();
            }
            assertThat(exportConfigs(db)).as("V2 not run again").isEmpty();
            assertThat(new MysqlWifiStationStore(db, db).count()).isEqualTo(1);
            assertThat(Migrations.flyway(db.dataSource(), db.dialect()).validateWithResult().validationSuccessful)
                    .isTrue();
            assertThat(Migrations.adoptJavaMigrations(Migrations.flyway(db.dataSource(), db.dialect())))
                    .as("nothing left to adopt").isEmpty();
            db.migrate();
            assertThat(history(db)).isEqualTo(after);

            fresh.migrate();
            assertThat(SchemaDump.exact(db.dataSource(), db.dialect()))
                    .containsExactlyElementsOf(SchemaDump.exact(fresh.dataSource(), fresh.dialect()));
        }
    }

    @Test
    void a_history_with_a_failed_java_migration_is_left_for_migrate_to_report() {
        try (Database db = emptyDatabase("failed")) {
            javaMigrations(db).migrate();
            db.jdbi().useHandle(h -> h.execute("UPDATE flyway_schema_history SET success = FALSE WHERE version = '5'"));

            assertThat(Migrations.adoptJavaMigrations(Migrations.flyway(db.dataSource(), db.dialect()))).isEmpty();
            assertThatThrownBy(db::migrate).isInstanceOf(StoreUnavailableException.class)
                    .hasMessageContaining("schema migration failed");
            assertThat(history(db)).hasSize(5).extracting(HistoryRow::type).containsOnly("JDBC");
        }
    }

    @Test
    void an_edited_applied_migration_fails_validation() throws Exception {
        Path same = copyMigrations(tempDir.resolve("same"));
        Path edited = copyMigrations(tempDir.resolve("edited"));
        try (Database db = emptyDatabase("edited")) {
            String folder = Migrations.folder(db.dialect());
            Path v3 = edited.resolve(folder).resolve("V3__ReliableQueue.sql");
            String sql = Files.readString(v3);
            assertThat(sql).contains("claim_owner VARCHAR(200)");
            Files.writeString(v3, sql.replace("claim_owner VARCHAR(200)", "claim_owner VARCHAR(255)"));
            db.migrate();

            Migrations.migrate(fromFiles(db, same, folder)); // the unedited copy validates
            assertThatThrownBy(() -> Migrations.migrate(fromFiles(db, edited, folder)))
                    .isInstanceOf(FlywayValidateException.class)
                    .hasMessageContaining("checksum mismatch for migration version 3");
            db.migrate();
        }
    }

    private static Flyway fromFiles(Database db, Path root, String folder) {
        return Flyway.configure().dataSource(db.dataSource())
                .locations("filesystem:" + root.resolve("common"), "filesystem:" + root.resolve(folder)).load();
    }

    /** Copies the migrations of the class path (target/classes under surefire, the jar under failsafe). */
    private static Path copyMigrations(Path target) throws IOException, URISyntaxException {
        URI uri = Migrations.class.getResource("/db/migration").toURI();
        if (!"jar".equals(uri.getScheme())) {
            return copyTree(Path.of(uri), target);
        }
        try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
            return copyTree(jar.provider().getPath(uri), target);
        }
    }

    private static Path copyTree(Path source, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(source)) {
            files.forEach(file -> {
                try {
                    Files.copy(file, target.resolve(source.relativize(file).toString()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return target;
    }
}
