package org.ichnaea.mysql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * What INFORMATION_SCHEMA says about the tables of a database (Flyway's history table left out), as sorted lines
 * that AssertJ can diff: {@link #exact} for two databases of one dialect, {@link #portable} for H2 against MariaDB.
 */
final class SchemaDump {

    private static final String HISTORY = "flyway_schema_history";

    private record Column(String table, int position, String name, String type, String family, boolean nullable,
                          String extra) {
    }

    private SchemaDump() {
    }

    /**
     * Tables with their options, columns with position, exact type, nullability, default and extras, and indexes
     * with uniqueness and columns.
     */
    static List<String> exact(DataSource dataSource, Dialect dialect) throws SQLException {
        return dump(dataSource, dialect, true);
    }

    /**
     * What H2 and MariaDB can agree on: tables, columns with position, type family ({@link #family}) and
     * nullability, and indexes with uniqueness and columns (the primary key named {@code primary} on both).
     */
    static List<String> portable(DataSource dataSource, Dialect dialect) throws SQLException {
        return dump(dataSource, dialect, false);
    }

    private static List<String> dump(DataSource dataSource, Dialect dialect, boolean exact) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            List<String> lines = new ArrayList<>();
            lines.addAll(tables(c, dialect, exact));
            for (Column column : columns(c, dialect)) {
                lines.add("column " + column.table() + "." + column.name() + " #" + column.position() + " "
                        + (exact ? column.type() : column.family()) + (column.nullable() ? " null" : " not null")
                        + (exact ? column.extra() : ""));
            }
            lines.addAll(indexes(c, dialect));
            lines.sort(null);
            return lines;
        }
    }

    private static String schema(Connection c, Dialect dialect) throws SQLException {
        return dialect == Dialect.H2 ? c.getSchema() : c.getCatalog();
    }

    private static List<String> tables(Connection c, Dialect dialect, boolean options) throws SQLException {
        String sql = dialect == Dialect.H2
                ? "SELECT TABLE_NAME, TABLE_TYPE, '' FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = ?"
                : "SELECT TABLE_NAME, TABLE_TYPE, CONCAT(ENGINE, ' ', TABLE_COLLATION) FROM INFORMATION_SCHEMA.TABLES "
                        + "WHERE TABLE_SCHEMA = ?";
        List<String> lines = new ArrayList<>();
        for (String[] row : query(c, sql, schema(c, dialect), 3)) {
            if (!row[0].equalsIgnoreCase(HISTORY)) {
                lines.add("table " + lower(row[0]) + " " + lower(row[1]) + (options ? " " + row[2] : ""));
            }
        }
        return lines;
    }

    private static List<Column> columns(Connection c, Dialect dialect) throws SQLException {
        String sql = dialect == Dialect.H2
                ? "SELECT TABLE_NAME, ORDINAL_POSITION, COLUMN_NAME, DATA_TYPE, CHARACTER_MAXIMUM_LENGTH, "
                        + "NUMERIC_PRECISION, IS_NULLABLE, COLUMN_DEFAULT, IS_IDENTITY "
                        + "FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = ?"
                : "SELECT TABLE_NAME, ORDINAL_POSITION, COLUMN_NAME, DATA_TYPE, CHARACTER_MAXIMUM_LENGTH, "
                        + "COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA "
                        + "FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = ?";
        List<Column> columns = new ArrayList<>();
        for (String[] row : query(c, sql, schema(c, dialect), 9)) {
            if (row[0].equalsIgnoreCase(HISTORY)) {
                continue;
            }
            String dataType = lower(row[3]);
            String type = dialect == Dialect.H2
                    ? dataType + "(" + (row[4] != null ? row[4] : row[5]) + ")"
                    : lower(row[5]);
            String extra = " default " + row[7] + (dialect == Dialect.H2
                    ? ("YES".equals(row[8]) ? " identity" : "")
                    : (row[8].isEmpty() ? "" : " " + lower(row[8])));
            columns.add(new Column(lower(row[0]), Integer.parseInt(row[1]), lower(row[2]), type,
                    family(dataType, type, row[4]), "YES".equals(row[6]), extra));
        }
        return columns;
    }

    /**
     * A column's type as both dialects can say it: {@code boolean} (MariaDB's {@code tinyint(1)}), {@code integer}
     * of any width and signedness (H2 has no unsigned types), {@code float}, {@code varchar(n)}, {@code binary(n)},
     * {@code varbinary(n)}, {@code lob}, {@code date}, {@code datetime}.
     */
    static String family(String dataType, String exactType, String length) {
        return switch (dataType) {
            case "boolean" -> "boolean";
            case "tinyint" -> exactType.equals("tinyint(1)") ? "boolean" : "integer";
            case "smallint", "int", "integer", "bigint" -> "integer";
            case "double", "double precision" -> "float";
            case "varchar", "character varying" -> "varchar(" + length + ")";
            case "binary" -> "binary(" + length + ")";
            case "varbinary", "binary varying" -> "varbinary(" + length + ")";
            case "blob", "longblob", "binary large object" -> "lob";
            case "date" -> "date";
            case "datetime", "timestamp" -> "datetime";
            default -> throw new IllegalArgumentException("no family for column type " + exactType);
        };
    }

    private static List<String> indexes(Connection c, Dialect dialect) throws SQLException {
        String sql = dialect == Dialect.H2
                ? "SELECT i.TABLE_NAME, i.INDEX_NAME, i.INDEX_TYPE_NAME, c.COLUMN_NAME, c.ORDINAL_POSITION "
                        + "FROM INFORMATION_SCHEMA.INDEXES i JOIN INFORMATION_SCHEMA.INDEX_COLUMNS c "
                        + "ON c.INDEX_SCHEMA = i.INDEX_SCHEMA AND c.INDEX_NAME = i.INDEX_NAME "
                        + "AND c.TABLE_NAME = i.TABLE_NAME WHERE i.INDEX_SCHEMA = ?"
                : "SELECT TABLE_NAME, INDEX_NAME, CASE WHEN INDEX_NAME = 'PRIMARY' THEN 'PRIMARY KEY' "
                        + "WHEN NON_UNIQUE = 0 THEN 'UNIQUE INDEX' ELSE 'INDEX' END, COLUMN_NAME, SEQ_IN_INDEX "
                        + "FROM INFORMATION_SCHEMA.STATISTICS WHERE TABLE_SCHEMA = ?";
        Map<String, TreeMap<Integer, String>> columns = new TreeMap<>();
        for (String[] row : query(c, sql, schema(c, dialect), 5)) {
            if (row[0].equalsIgnoreCase(HISTORY)) {
                continue;
            }
            String kind = lower(row[2]);
            String name = kind.equals("primary key") ? "primary" : lower(row[1]);
            columns.computeIfAbsent("index " + lower(row[0]) + "." + name + " " + kind, k -> new TreeMap<>())
                    .put(Integer.parseInt(row[4]), lower(row[3]));
        }
        List<String> lines = new ArrayList<>();
        columns.forEach((index, cols) -> lines.add(index + " (" + String.join(", ", cols.values()) + ")"));
        return lines;
    }

    private static List<String[]> query(Connection c, String sql, String schema, int width) throws SQLException {
        List<String[]> rows = new ArrayList<>();
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            statement.setString(1, schema);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    String[] row = new String[width];
                    for (int i = 0; i < width; i++) {
                        row[i] = rs.getString(i + 1);
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
