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
    /** Tries of one transaction on deadlock or lock wait (§5.5: at most 3). */
    static final int MAX_TRIES = 3;

    private Sql() {
    }

    /** Runs a database call; any Jdbi fault becomes {@link StoreUnavailableException} with its cause kept. */
    static <T> T guard(String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (JdbiException | Upserts.Failure e) {
            throw new StoreUnavailableException(what + " failed: " + rootMessage(e), e);
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
                    throw new StoreUnavailableException(what + " failed: " + rootMessage(e), e);
                }
                LOG.info("{}: {} (try {} of {}), retrying", what, sql.getMessage(), attempt, MAX_TRIES);
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
