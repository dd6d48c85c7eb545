package org.ichnaea.mysql;

import java.util.Locale;

/**
 * The two SQL dialects the adapter speaks: MySQL/MariaDB, and H2 in MySQL mode for the embedded default. Every
 * difference between the statements the stores send is decided here; the schema's differences are in the migrations
 * of {@code db/migration/mysql} and {@code db/migration/h2} ({@link Migrations}).
 */
public enum Dialect {
    MYSQL,
    H2;

    /** The dialect of a JDBC URL. */
    public static Dialect of(String jdbcUrl) {
        return jdbcUrl.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:") ? H2 : MYSQL;
    }

    /** The dialect of a connected database product, as JDBC metadata names it. */
    public static Dialect ofProduct(String productName) {
        return productName.toLowerCase(Locale.ROOT).contains("h2") ? H2 : MYSQL;
    }

    /**
     * An insert-or-replace statement for {@code rows} rows with positional parameters ({@code ?}), rows after each
     * other: MySQL's {@code INSERT ... ON DUPLICATE KEY UPDATE}, H2's {@code MERGE INTO ... KEY}.
     */
    public String upsert(String table, String key, java.util.List<String> columns, int rows) {
        String names = String.join(", ", columns);
        String tuple = "(" + String.join(", ", java.util.Collections.nCopies(columns.size(), "?")) + ")";
        String values = String.join(", ", java.util.Collections.nCopies(rows, tuple));
        if (this == H2) {
            return "MERGE INTO " + table + " (" + names + ") KEY (" + key + ") VALUES " + values;
        }
        String updates = columns.stream().filter(c -> !c.equals(key)).map(c -> c + " = VALUES(" + c + ")")
                .collect(java.util.stream.Collectors.joining(", "));
        return "INSERT INTO " + table + " (" + names + ") VALUES " + values + " ON DUPLICATE KEY UPDATE " + updates;
    }

    /**
     * An insert-or-replace statement with named parameters ({@code :column}) for every column: MySQL's
     * {@code INSERT ... ON DUPLICATE KEY UPDATE}, H2's {@code MERGE INTO ... KEY}.
     */
    public String upsert(String table, String key, java.util.List<String> columns) {
        String names = String.join(", ", columns);
        String params = columns.stream().map(c -> ":" + c).collect(java.util.stream.Collectors.joining(", "));
        if (this == H2) {
            return "MERGE INTO " + table + " (" + names + ") KEY (" + key + ") VALUES (" + params + ")";
        }
        String updates = columns.stream().filter(c -> !c.equals(key)).map(c -> c + " = VALUES(" + c + ")")
                .collect(java.util.stream.Collectors.joining(", "));
        return "INSERT INTO " + table + " (" + names + ") VALUES (" + params + ") ON DUPLICATE KEY UPDATE " + updates;
    }

    /**
     * Whether a SQL state and vendor code mean "try the transaction again": deadlock (MySQL 1213, H2 40001) or lock
     * wait timeout (MySQL 1205, H2 50200).
     */
    public static boolean isRetryable(String sqlState, int vendorCode) {
        return vendorCode == 1213 || vendorCode == 1205 || vendorCode == 50200 || "40001".equals(sqlState);
    }
}
