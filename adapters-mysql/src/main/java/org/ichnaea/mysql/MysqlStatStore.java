package org.ichnaea.mysql;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Map;
import java.util.NavigableMap;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.ichnaea.core.StoreUnavailableException;
import org.ichnaea.core.stats.StatKey;
import org.ichnaea.core.stats.StatStore;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The cumulative daily totals in {@code stat} (docs/storage.md "Schema", docs/algorithms.md §13.3). An addition is one
 * transaction: an {@code UPDATE ... SET stat_value = stat_value + ?} of the day's row, or, when there is none yet, an
 * {@code INSERT} of the latest earlier total plus the delta. Two processes inserting the same day race on the primary
 * key; the loser starts again and finds the winner's row to update, so no addition is lost.
 */
public final class MysqlStatStore implements StatStore {

    /** Tries of one addition that lost the race to insert the day's row. */
    private static final int INSERT_TRIES = 10;

    private final Jdbi reads;
    private final Jdbi writes;

    public MysqlStatStore(Database reads, Database writes) {
        this.reads = reads.jdbi();
        this.writes = writes.jdbi();
    }

    @Override
    public void add(StatKey key, LocalDate day, long delta) {
        for (int attempt = 1; ; attempt++) {
            try {
                Sql.retrying("stat add", () -> writes.inTransaction(h -> addIn(h, key, day, delta)));
                return;
            } catch (StoreUnavailableException e) {
                if (!lostInsertRace(e) || attempt >= INSERT_TRIES) {
                    throw e;
                }
                pause(attempt);
            }
        }
    }

    private static Void addIn(Handle h, StatKey key, LocalDate day, long delta) {
        int updated = h.createUpdate("UPDATE stat SET stat_value = stat_value + :delta "
                        + "WHERE stat_key = :key AND stat_date = :day")
                .bind("delta", delta).bind("key", key.id()).bind("day", day)
                .execute();
        // Later days' totals include this day's: late counts for a past day move them too.
        h.createUpdate("UPDATE stat SET stat_value = stat_value + :delta WHERE stat_key = :key AND stat_date > :day")
                .bind("delta", delta).bind("key", key.id()).bind("day", day)
                .execute();
        if (updated == 0) {
            long earlier = h.createQuery("SELECT stat_value FROM stat WHERE stat_key = :key AND stat_date < :day "
                            + "ORDER BY stat_date DESC LIMIT 1")
                    .bind("key", key.id()).bind("day", day)
                    .mapTo(Long.class).findOne().orElse(0L);
            h.createUpdate("INSERT INTO stat (stat_key, stat_date, stat_value) VALUES (:key, :day, :value)")
                    .bind("key", key.id()).bind("day", day).bind("value", earlier + delta)
                    .execute();
        }
        return null;
    }

    /** A duplicate key (SQL state class 23) or H2's concurrent-update error: another process inserted the row. */
    private static boolean lostInsertRace(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                return (state != null && state.startsWith("23")) || sql.getErrorCode() == 90131;
            }
        }
        return false;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(Math.min(200, 5L * attempt));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("stat add interrupted", interrupted);
        }
    }

    @Override
    public OptionalLong latest(StatKey key, LocalDate day) {
        return Sql.guard("stat lookup", () -> reads.withHandle(h -> h.createQuery("SELECT stat_value FROM stat "
                        + "WHERE stat_key = :key AND stat_date <= :day ORDER BY stat_date DESC LIMIT 1")
                .bind("key", key.id()).bind("day", day)
                .mapTo(Long.class).findOne()
                .map(OptionalLong::of).orElse(OptionalLong.empty())));
    }

    @Override
    public NavigableMap<LocalDate, Long> series(StatKey key, LocalDate from) {
        return Sql.guard("stat series", () -> reads.withHandle(h -> {
            NavigableMap<LocalDate, Long> series = new TreeMap<>();
            h.createQuery("SELECT stat_date, stat_value FROM stat WHERE stat_key = :key AND stat_date >= :from "
                            + "ORDER BY stat_date")
                    .bind("key", key.id()).bind("from", from)
                    .map((rs, ctx) -> Map.entry(rs.getObject("stat_date", LocalDate.class),
                            rs.getLong("stat_value")))
                    .forEach(row -> series.put(row.getKey(), row.getValue()));
            return series;
        }));
    }

    @Override
    public int deleteBefore(LocalDate day) {
        return Sql.retrying("stat cleanup", () -> writes.withHandle(h -> h.createUpdate(
                "DELETE FROM stat WHERE stat_date < :day").bind("day", day).execute()));
    }
}
