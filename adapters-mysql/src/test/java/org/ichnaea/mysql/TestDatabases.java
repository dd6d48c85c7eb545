package org.ichnaea.mysql;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Databases for tests: a fresh in-memory H2 in MySQL mode, or the MariaDB/MySQL named by {@code TEST_DB_URL}
 * (skipped when unset, failed under {@code CI=true}).
 */
public final class TestDatabases {

    private static final AtomicInteger H2_COUNTER = new AtomicInteger();
    private static Database mariadb;

    private TestDatabases() {
    }

    /** A new, migrated, empty H2 database. */
    public static Database h2() {
        String url = "jdbc:h2:mem:test" + H2_COUNTER.incrementAndGet()
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1";
        Database db = Database.open(new MysqlSettings(url, "sa", "", 4, MysqlSettings.WORKER_CONNECTION_TIMEOUT,
                false, "test-h2"));
        db.migrate();
        return db;
    }

    /** The shared MariaDB test database, migrated once and emptied for each caller. */
    public static synchronized Database mariadb() {
        if (mariadb == null) {
            mariadb = Database.open(MysqlSettings.fromUri(mariadbUrl(), false, 8));
            mariadb.migrate();
        }
        clean(mariadb);
        return mariadb;
    }

    /** {@code TEST_DB_URL}; skips the test when it is unset, or fails it under {@code CI=true}. */
    static String mariadbUrl() {
        String url = System.getenv("TEST_DB_URL");
        if (url == null || url.isBlank()) {
            if ("true".equals(System.getenv("CI"))) {
                fail("TEST_DB_URL is not set: MariaDB tests must run under CI=true");
            }
            assumeTrue(false, "TEST_DB_URL is not set: skipping MariaDB tests");
        }
        return url;
    }

    /** Empties every data table. */
    static void clean(Database db) {
        db.jdbi().useHandle(h -> {
            for (String table : tables()) {
                h.execute("DELETE FROM " + table);
            }
        });
    }

    private static List<String> tables() {
        List<String> tables = new java.util.ArrayList<>();
        for (int shard = 0; shard < Schema.SHARDS.length(); shard++) {
            tables.add(Schema.shardTable("wifi", shard));
            tables.add(Schema.shardTable("blue", shard));
        }
        tables.addAll(List.of("cell_gsm", "cell_wcdma", "cell_lte", "cell_nr", "cell_area", "api_key",
                "export_config", "stat", "region_stat", "datamap_ne", "datamap_nw", "datamap_se", "datamap_sw",
                "queue_item", "applied_report"));
        return tables;
    }
}
