package org.ichnaea.mysql.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.ichnaea.mysql.Dialect;

/**
 * The schema (docs/storage.md "Schema", widened for NR): sharded Wi-Fi and Bluetooth station tables, one cell table
 * per radio, cell areas, API keys, export configuration, statistics, the data-map grid, and the queue table of the
 * embedded mode. Written once for MySQL/MariaDB and H2; the type differences come from {@link Dialect}.
 */
public final class V1__Schema extends BaseJavaMigration {

    /** Shard digits of the Wi-Fi and Bluetooth tables. */
    public static final String SHARDS = "0123456789abcdef";

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        Dialect d = Dialect.ofProduct(connection.getMetaData().getDatabaseProductName());
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements(d)) {
                statement.execute(sql);
            }
        }
    }

    static List<String> statements(Dialect d) {
        List<String> sql = new ArrayList<>();
        String station = "lat DOUBLE, lon DOUBLE, max_lat DOUBLE, min_lat DOUBLE, max_lon DOUBLE, min_lon DOUBLE, "
                + "radius " + uint(d) + ", region VARCHAR(2), samples " + uint(d) + ", source TINYINT, "
                + "weight DOUBLE, created DATETIME, modified DATETIME, last_seen DATE, block_first DATE, "
                + "block_last DATE, block_count " + utinyint(d);
        for (String kind : List.of("wifi", "blue")) {
            for (char shard : SHARDS.toCharArray()) {
                String table = kind + "_shard_" + shard;
                sql.add("CREATE TABLE " + table + " (mac BINARY(6) NOT NULL PRIMARY KEY, " + station + ")"
                        + tableOptions(d));
                stationIndexes(sql, table);
            }
        }
        for (String radio : List.of("gsm", "wcdma", "lte", "nr")) {
            String table = "cell_" + radio;
            sql.add("CREATE TABLE " + table + " (cellid BINARY(13) NOT NULL PRIMARY KEY, radio TINYINT NOT NULL, "
                    + "mcc SMALLINT NOT NULL, mnc SMALLINT NOT NULL, lac " + uint(d) + " NOT NULL, "
                    + "cid " + ubigint(d) + " NOT NULL, psc SMALLINT, " + station + ")" + tableOptions(d));
            sql.add("CREATE INDEX " + table + "_area_idx ON " + table + " (mcc, mnc, lac)");
            stationIndexes(sql, table);
        }
        sql.add("CREATE TABLE cell_area (areaid BINARY(8) NOT NULL PRIMARY KEY, radio TINYINT NOT NULL, "
                + "mcc SMALLINT NOT NULL, mnc SMALLINT NOT NULL, lac " + uint(d) + " NOT NULL, lat DOUBLE, "
                + "lon DOUBLE, radius INT, region VARCHAR(2), avg_cell_radius " + uint(d) + ", num_cells "
                + uint(d) + ", created DATETIME, modified DATETIME, last_seen DATE)" + tableOptions(d));
        sql.add("CREATE INDEX cell_area_region_radio_idx ON cell_area (region, radio)");
        sql.add("CREATE INDEX cell_area_created_idx ON cell_area (created)");
        sql.add("CREATE INDEX cell_area_modified_idx ON cell_area (modified)");
        sql.add("CREATE INDEX cell_area_latlon_idx ON cell_area (lat, lon)");
        sql.add("CREATE TABLE api_key (valid_key VARCHAR(40) NOT NULL PRIMARY KEY, maxreq INT, "
                + "allow_fallback BOOLEAN, allow_locate BOOLEAN, allow_region BOOLEAN, fallback_name VARCHAR(40), "
                + "fallback_schema VARCHAR(64), fallback_url VARCHAR(256), fallback_ratelimit INT, "
                + "fallback_ratelimit_interval INT, fallback_cache_expire INT, store_sample_locate TINYINT, "
                + "store_sample_submit TINYINT)" + tableOptions(d));
        sql.add("CREATE TABLE export_config (name VARCHAR(40) NOT NULL PRIMARY KEY, batch INT, "
                + "schema_name VARCHAR(32), url VARCHAR(512), skip_keys VARCHAR(1024), skip_sources VARCHAR(64))"
                + tableOptions(d));
        sql.add("CREATE TABLE stat (stat_key TINYINT NOT NULL, stat_date DATE NOT NULL, stat_value "
                + ubigint(d) + ", PRIMARY KEY (stat_key, stat_date))" + tableOptions(d));
        sql.add("CREATE TABLE region_stat (region VARCHAR(2) NOT NULL PRIMARY KEY, gsm " + uint(d) + ", wcdma "
                + uint(d) + ", lte " + uint(d) + ", nr " + uint(d) + ", blue " + ubigint(d) + ", wifi "
                + ubigint(d) + ")" + tableOptions(d));
        for (String quadrant : List.of("ne", "nw", "se", "sw")) {
            String table = "datamap_" + quadrant;
            sql.add("CREATE TABLE " + table + " (grid BINARY(8) NOT NULL PRIMARY KEY, created DATE, modified DATE)"
                    + tableOptions(d));
            sql.add("CREATE INDEX " + table + "_created_idx ON " + table + " (created)");
            sql.add("CREATE INDEX " + table + "_modified_idx ON " + table + " (modified)");
        }
        sql.add("CREATE TABLE queue_item (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, queue_name VARCHAR(64) "
                + "NOT NULL, payload " + blob(d) + " NOT NULL, created DATETIME)" + tableOptions(d));
        sql.add("CREATE INDEX queue_item_queue_idx ON queue_item (queue_name, id)");
        return sql;
    }

    // Dialect's DDL helpers as release 5 had them; the SQL files of db/migration replace them in the main code.

    private static String uint(Dialect d) {
        return d == Dialect.MYSQL ? "INT UNSIGNED" : "BIGINT";
    }

    private static String utinyint(Dialect d) {
        return d == Dialect.MYSQL ? "TINYINT UNSIGNED" : "SMALLINT";
    }

    private static String ubigint(Dialect d) {
        return d == Dialect.MYSQL ? "BIGINT UNSIGNED" : "BIGINT";
    }

    private static String blob(Dialect d) {
        return d == Dialect.MYSQL ? "LONGBLOB" : "BLOB";
    }

    static String tableOptions(Dialect d) {
        return d == Dialect.MYSQL ? " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4" : "";
    }

    private static void stationIndexes(List<String> sql, String table) {
        sql.add("CREATE INDEX " + table + "_region_idx ON " + table + " (region)");
        sql.add("CREATE INDEX " + table + "_created_idx ON " + table + " (created)");
        sql.add("CREATE INDEX " + table + "_modified_idx ON " + table + " (modified)");
        sql.add("CREATE INDEX " + table + "_latlon_idx ON " + table + " (lat, lon)");
    }
}
