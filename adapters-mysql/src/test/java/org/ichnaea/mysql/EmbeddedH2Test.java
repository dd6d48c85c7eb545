package org.ichnaea.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.ichnaea.core.testing.TestStations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded default: one H2 file under the data directory that a second pool (a CLI command) can open too. */
class EmbeddedH2Test {

    @TempDir
    Path dataDir;

    @Test
    void a_second_pool_on_the_same_data_directory_sees_the_same_stations() {
        try (Database server = Database.open(MysqlSettings.embedded(dataDir, false, 4))) {
            server.migrate();
            new MysqlWifiStationStore(server, server).saveAll(List.of(
                    TestStations.wifi("aa:bb:cc:00:00:01").at(51.5, -0.1).build()));

            try (Database cli = Database.open(MysqlSettings.embedded(dataDir, false, 1))) {
                cli.migrate();
                assertThat(new MysqlWifiStationStore(cli, cli).count()).isEqualTo(1);
                assertThat(cli.schemaVersion()).isEqualTo("5");
            }
        }
        assertThat(dataDir.resolve("ichnaea.mv.db")).exists();
        try (Database reopened = Database.open(MysqlSettings.embedded(dataDir, true, 1))) {
            reopened.ping();
            assertThat(new MysqlWifiStationStore(reopened, reopened).count()).as("durable across restarts")
                    .isEqualTo(1);
        }
    }

    @Test
    void the_embedded_database_reuses_replaced_pages_after_5_seconds_not_h2s_45() {
        try (Database db = Database.open(MysqlSettings.embedded(dataDir, false, 1))) {
            List<String> retention = db.jdbi().withHandle(h -> h.createQuery(
                    "SELECT SETTING_NAME || '=' || SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                    + " WHERE UPPER(SETTING_NAME) LIKE '%RETENTION%'").mapTo(String.class).list());
            assertThat(retention).isNotEmpty().allSatisfy(s -> assertThat(s).endsWith("=5000"));
        }
    }

    @Test
    void operator_uris_become_jdbc_urls() {
        assertThat(DatabaseUrls.parse("mysql+pymysql://ichnaea:s3cr%40t@db.example:3307/location"))
                .isEqualTo(new DatabaseUrls.Target("jdbc:mariadb://db.example:3307/location?sslMode=disable",
                        "ichnaea", "s3cr@t"));
        assertThat(DatabaseUrls.parse("mysql://root@127.0.0.1/ichnaea").jdbcUrl())
                .isEqualTo("jdbc:mariadb://127.0.0.1:3306/ichnaea?sslMode=disable");
        assertThat(DatabaseUrls.parse("jdbc:mysql://h:3306/db?useSSL=false").jdbcUrl())
                .isEqualTo("jdbc:mariadb://h:3306/db?useSSL=false&sslMode=disable");
        assertThat(DatabaseUrls.parse("jdbc:mariadb://h/db?sslMode=verify-full").jdbcUrl())
                .isEqualTo("jdbc:mariadb://h/db?sslMode=verify-full");
        assertThat(DatabaseUrls.redact("mysql://u:secret@h/db")).isEqualTo("mysql://u:***@h/db");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DatabaseUrls.parse("postgres://h/db"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unsupported database URI");
    }
}
