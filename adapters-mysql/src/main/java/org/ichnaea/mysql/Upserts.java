package org.ichnaea.mysql;

import java.lang.reflect.Type;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Multi-row insert-or-replace: up to {@link #ROWS_PER_STATEMENT} rows per statement, an order of magnitude faster
 * than a JDBC batch of single-row statements. Plain JDBC on the handle's connection: Jdbi would run its SQL parser
 * and template engine over the long statement on every call, which costs more than the database. The SQL comes from
 * {@link Dialect#upsert(String, String, List, int)}.
 */
final class Upserts {

    static final int ROWS_PER_STATEMENT = 500;

    private static final Map<Type, Integer> SQL_TYPES = Map.of(Double.class, Types.DOUBLE, Integer.class,
            Types.INTEGER, Long.class, Types.BIGINT, String.class, Types.VARCHAR, LocalDateTime.class,
            Types.TIMESTAMP, LocalDate.class, Types.DATE, byte[].class, Types.BINARY);

    /** A SQL failure outside Jdbi; {@link Sql} treats it like a Jdbi fault. */
    static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Failure(SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }

    private Upserts() {
    }

    /**
     * Writes {@code rows} (each an array of column values, in the order of {@code columns}, typed by
     * {@code types}) into {@code table}.
     */
    static void write(Handle handle, Dialect dialect, String table, String key, List<String> columns,
                      List<Type> types, List<Object[]> rows) {
        write(handle, dialect, table, key, columns, types, rows, false);
    }

    /**
     * Like {@link #write}, but {@code insertOnly} rows are plain inserts: a row another transaction inserted
     * meanwhile fails the statement with a duplicate key (SQL state class 23) instead of being overwritten.
     */
    static void write(Handle handle, Dialect dialect, String table, String key, List<String> columns,
                      List<Type> types, List<Object[]> rows, boolean insertOnly) {
        Connection connection = handle.getConnection();
        try {
            for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
                List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT));
                try (PreparedStatement statement = connection.prepareStatement(insertOnly
                        ? insert(table, columns, chunk.size()) : dialect.upsert(table, key, columns, chunk.size()))) {
                    int position = 1;
                    for (Object[] row : chunk) {
                        for (int c = 0; c < row.length; c++) {
                            Object value = row[c];
                            if (value == null) {
                                statement.setNull(position++, SQL_TYPES.get(types.get(c)));
                            } else {
                                statement.setObject(position++, value);
                            }
                        }
                    }
                    statement.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new Failure(e);
        }
    }

    private static String insert(String table, List<String> columns, int rows) {
        String tuple = "(" + String.join(", ", java.util.Collections.nCopies(columns.size(), "?")) + ")";
        return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES "
                + String.join(", ", java.util.Collections.nCopies(rows, tuple));
    }
}
