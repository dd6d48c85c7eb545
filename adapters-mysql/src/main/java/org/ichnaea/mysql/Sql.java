package org.ichnaea.mysql;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;
import org.ichnaea.core.StoreUnavailableException;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.SqlStatement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Shared helpers of the stores: fault translation, bounded retry, typed binding of nullable values. */
final class Sql {

    private static final Logger LOG = LoggerFactory.getLogger(Sql.class);
    /** Tries of one transaction on deadlock or lock wait (docs/algorithms.md §13.7: at most 3). */
    static final int MAX_TRIES = 3;
    /**
     * The most values bound in one {@code IN (...)} list: lists given by callers (a query's networks, a batch's
     * stations) are cut into statements of at most this many, far below H2's 100,000 parameters and MariaDB's 65,535.
     */
    static final int MAX_IN_LIST = 1000;
    /**
     * The longest database message kept in an exception or a log line; H2 puts the whole statement in its messages,
     * which for a multi-row upsert is tens of kilobytes.
     */
    static final int MAX_MESSAGE_LENGTH = 500;

    private Sql() {
    }

    /** Runs a database call; any Jdbi fault becomes {@link StoreUnavailableException} with its cause kept. */
    static <T> T guard(String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (JdbiException | Upserts.Failure e) {
            throw unavailable(what, e);
        }
    }

    static void guardRun(String what, Runnable call) {
        guard(what, () -> {
            call.run();
            return null;
        });
    }

    /** Runs a transaction, retrying deadlocks and lock waits with exponential back-off, at most 3 tries. */
    static <T> T retrying(String what, Supplier<T> transaction) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (JdbiException | Upserts.Failure e) {
                SQLException sql = sqlCause(e);
                boolean retryable = sql != null && Dialect.isRetryable(sql.getSQLState(), sql.getErrorCode());
                if (!retryable || attempt >= MAX_TRIES) {
                    throw unavailable(what, e);
                }
                LOG.info("{}: {} (try {} of {}), retrying", what, shorten(sql.getMessage()), attempt, MAX_TRIES);
                try {
                    Thread.sleep(50L << attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new StoreUnavailableException(what + " interrupted", interrupted);
                }
            }
        }
    }

    /** Tries of a read-modify-write that lost a race to insert the same new row. */
    private static final int INSERT_RACE_TRIES = 5;

    /**
     * A locked read-modify-write ({@link #retrying}) whose new rows are plain inserts: when another transaction
     * inserted one of them after this one read it as absent (a locking read cannot lock a row that does not exist
     * yet), the insert fails with a duplicate key and the whole transaction runs again, now reading that row and
     * merging into it, instead of overwriting the other's work.
     */
    static <T> T retryingInsertRaces(String what, Supplier<T> transaction) {
        for (int attempt = 1; ; attempt++) {
            try {
                return retrying(what, transaction);
            } catch (StoreUnavailableException e) {
                SQLException sql = sqlCause(e);
                boolean duplicate = sql != null && sql.getSQLState() != null && sql.getSQLState().startsWith("23");
                if (!duplicate || attempt >= INSERT_RACE_TRIES) {
                    throw e;
                }
                LOG.info("{}: another worker inserted the same new row (try {} of {}), retrying", what, attempt,
                        INSERT_RACE_TRIES);
            }
        }
    }

    /**
     * The store fault for a failed call, its message and its cause's message cut to {@link #MAX_MESSAGE_LENGTH}:
     * the cause is then a copy of the {@link SQLException} (same SQL state, vendor code and stack trace) with the
     * shortened message, so that no log line, with or without the stack trace, repeats a whole statement.
     */
    static StoreUnavailableException unavailable(String what, RuntimeException e) {
        SQLException sql = sqlCause(e);
        Throwable cause = e;
        if (sql != null && sql.getMessage() != null && sql.getMessage().length() > MAX_MESSAGE_LENGTH) {
            SQLException copy = new SQLException(shorten(sql.getMessage()), sql.getSQLState(), sql.getErrorCode());
            copy.setStackTrace(sql.getStackTrace());
            cause = copy;
        } else if (e.getMessage() != null && e.getMessage().length() > MAX_MESSAGE_LENGTH) {
            RuntimeException copy = new RuntimeException(shorten(e.getMessage()), e.getCause());
            copy.setStackTrace(e.getStackTrace());
            cause = copy;
        }
        return new StoreUnavailableException(what + " failed: " + shorten(rootMessage(e)), cause);
    }

    /** {@code message} cut to {@link #MAX_MESSAGE_LENGTH} characters, saying how long it was. */
    static String shorten(String message) {
        if (message == null || message.length() <= MAX_MESSAGE_LENGTH) {
            return message;
        }
        return message.substring(0, MAX_MESSAGE_LENGTH) + "... (" + message.length() + " characters)";
    }

    /** {@code values} in consecutive slices of at most {@code size}; the first slice is the list itself when short. */
    static <T> java.util.List<java.util.List<T>> chunks(java.util.List<T> values, int size) {
        if (values.size() <= size) {
            return java.util.List.of(values);
        }
        java.util.List<java.util.List<T>> out = new java.util.ArrayList<>();
        for (int from = 0; from < values.size(); from += size) {
            out.add(values.subList(from, Math.min(values.size(), from + size)));
        }
        return out;
    }

    private static SQLException sqlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    static LocalDateTime toDb(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.SECONDS),
                ZoneOffset.UTC);
    }

    static Instant fromDb(LocalDateTime value) {
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    /**
     * Binds a nullable value with its Java type, so a null and a non-null in two rows of one batch bind alike
     * (Jdbi batches reuse the binder of the first row).
     */
    static <S extends SqlStatement<S>, T> S bind(S statement, String name, T value, Class<T> type) {
        return statement.bindByType(name, value, type);
    }


}
