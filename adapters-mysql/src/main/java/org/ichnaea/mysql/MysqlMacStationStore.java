package org.ichnaea.mysql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import org.ichnaea.core.radio.MacAddress;
import org.ichnaea.core.station.MacStation;
import org.ichnaea.core.station.MacStationStore;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * MAC-keyed stations in sixteen shard tables ({@code <kind>_shard_0} .. {@code _f}, chosen by the fifth hex digit of
 * the MAC): one query per shard touched, never one per network. Reads go to the read pool, writes to the write pool.
 */
public abstract class MysqlMacStationStore implements MacStationStore {

    private static final String COLUMNS = "mac, " + String.join(", ", StationColumns.NAMES);

    private final Jdbi reads;
    private final Jdbi writes;
    private final String kind;
    private final Dialect dialect;
    private static final List<String> UPSERT_COLUMNS;
    private static final List<java.lang.reflect.Type> UPSERT_TYPES;

    static {
        List<String> columns = new ArrayList<>();
        columns.add("mac");
        columns.addAll(StationColumns.NAMES);
        UPSERT_COLUMNS = List.copyOf(columns);
        List<java.lang.reflect.Type> types = new ArrayList<>();
        types.add(byte[].class);
        types.addAll(StationColumns.TYPES);
        UPSERT_TYPES = List.copyOf(types);
    }

    protected MysqlMacStationStore(Database reads, Database writes, String kind) {
        this.reads = reads.jdbi();
        this.writes = writes.jdbi();
        this.kind = kind;
        this.dialect = writes.dialect();
    }

    private String table(int shard) {
        return Schema.shardTable(kind, shard);
    }

    /**
     * The keys of each shard, shards in order and keys in the primary key's order (unsigned bytes): a shard with more
     * keys than one statement takes is then locked (selectForUpdate) in the same order by every worker, so two workers
     * whose batches share networks wait for each other instead of deadlocking.
     */
    static Map<Integer, List<byte[]>> byShard(Collection<MacAddress> macs) {
        Map<Integer, List<byte[]>> shards = new TreeMap<>();
        for (MacAddress mac : new LinkedHashSet<>(macs)) {
            shards.computeIfAbsent(mac.shard(), k -> new ArrayList<>()).add(mac.bytes());
        }
        shards.values().forEach(keys -> keys.sort(Arrays::compareUnsigned));
        return shards;
    }

    @Override
    public List<MacStation> findAll(Collection<MacAddress> macs) {
        if (macs.isEmpty()) {
            return new ArrayList<>();
        }
        return Sql.guard(kind + " station lookup", () -> reads.withHandle(h -> selectAll(h, macs)));
    }

    /**
     * One statement per {@link Sql#MAX_IN_LIST} networks (one for any real query), a {@code UNION ALL} of one
     * {@code SELECT} per shard touched: one round trip instead of one per shard, over plain JDBC so no SQL parser runs
     * per request.
     */
    private List<MacStation> selectAll(Handle h, Collection<MacAddress> macs) {
        List<MacStation> found = new ArrayList<>(macs.size());
        for (Map<Integer, List<byte[]>> part : statements(byShard(macs))) {
            StringBuilder sql = new StringBuilder();
            for (Map.Entry<Integer, List<byte[]>> shard : part.entrySet()) {
                if (sql.length() > 0) {
                    sql.append(" UNION ALL ");
                }
                sql.append("SELECT ").append(COLUMNS).append(" FROM ").append(table(shard.getKey()))
                        .append(" WHERE mac IN (").append("?, ".repeat(shard.getValue().size() - 1)).append("?)");
            }
            query(h, sql.toString(), part.values(), found);
        }
        return found;
    }

    /**
     * The keys of each shard, in groups of at most {@link Sql#MAX_IN_LIST} keys in all, shards kept in order: a shard
     * with more keys than that is split over several groups.
     */
    static List<Map<Integer, List<byte[]>>> statements(Map<Integer, List<byte[]>> shards) {
        List<Map<Integer, List<byte[]>>> out = new ArrayList<>();
        Map<Integer, List<byte[]>> current = new TreeMap<>();
        int count = 0;
        for (Map.Entry<Integer, List<byte[]>> shard : shards.entrySet()) {
            List<byte[]> keys = shard.getValue();
            for (int from = 0; from < keys.size(); ) {
                if (count == Sql.MAX_IN_LIST) {
                    out.add(current);
                    current = new TreeMap<>();
                    count = 0;
                }
                int take = Math.min(keys.size() - from, Sql.MAX_IN_LIST - count);
                current.put(shard.getKey(), keys.subList(from, from + take));
                count += take;
                from += take;
            }
        }
        if (count > 0) {
            out.add(current);
        }
        return out;
    }

    /** Runs {@code sql} with the keys bound in order and adds the stations it finds to {@code found}. */
    private static void query(Handle h, String sql, Collection<List<byte[]>> keyLists, List<MacStation> found) {
        try (java.sql.PreparedStatement statement = h.getConnection().prepareStatement(sql)) {
            int position = 1;
            for (List<byte[]> keys : keyLists) {
                for (byte[] key : keys) {
                    statement.setBytes(position++, key);
                }
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    found.add(map(rs));
                }
            }
        } catch (SQLException e) {
            throw new Upserts.Failure(e);
        }
    }

    /**
     * Locking SELECTs, one per shard touched and {@link Sql#MAX_IN_LIST} keys, over plain JDBC (no SQL parser on
     * long IN lists).
     */
    private List<MacStation> selectForUpdate(Handle h, Collection<MacAddress> macs) {
        List<MacStation> found = new ArrayList<>(macs.size());
        for (Map.Entry<Integer, List<byte[]>> shard : byShard(macs).entrySet()) {
            for (List<byte[]> keys : Sql.chunks(shard.getValue(), Sql.MAX_IN_LIST)) {
                String sql = "SELECT " + COLUMNS + " FROM " + table(shard.getKey()) + " WHERE mac IN ("
                        + "?, ".repeat(keys.size() - 1) + "?) FOR UPDATE";
                query(h, sql, List.of(keys), found);
            }
        }
        return found;
    }

    private static MacStation map(ResultSet rs) throws SQLException {
        return new MacStation(MacAddress.ofBytes(rs.getBytes("mac")), StationColumns.read(rs));
    }

    @Override
    public void saveAll(Collection<MacStation> stations) {
        if (stations.isEmpty()) {
            return;
        }
        Sql.retrying(kind + " station save", () -> writes.inTransaction(h -> {
            write(h, stations);
            return null;
        }));
    }

    private void write(Handle h, Collection<MacStation> stations) {
        write(h, stations, false);
    }

    private void write(Handle h, Collection<MacStation> stations, boolean insertOnly) {
        Map<Integer, List<MacStation>> shards = new TreeMap<>();
        for (MacStation s : stations) {
            shards.computeIfAbsent(s.mac().shard(), k -> new ArrayList<>()).add(s);
        }
        for (Map.Entry<Integer, List<MacStation>> shard : shards.entrySet()) {
            // In key order, as the locking reads: new rows two workers both insert are met in the same order.
            shard.getValue().sort((a, b) -> Arrays.compareUnsigned(a.mac().bytes(), b.mac().bytes()));
            List<Object[]> rows = new ArrayList<>(shard.getValue().size());
            for (MacStation s : shard.getValue()) {
                rows.add(StationColumns.values(s.data(), (Object) s.mac().bytes()));
            }
            Upserts.write(h, dialect, table(shard.getKey()), "mac", UPSERT_COLUMNS, UPSERT_TYPES, rows, insertOnly);
        }
    }

    @Override
    public void deleteAll(Collection<MacAddress> macs) {
        if (macs.isEmpty()) {
            return;
        }
        Sql.retrying(kind + " station delete", () -> writes.inTransaction(h -> {
            for (Map.Entry<Integer, List<byte[]>> shard : byShard(macs).entrySet()) {
                for (List<byte[]> keys : Sql.chunks(shard.getValue(), Sql.MAX_IN_LIST)) {
                    h.createUpdate("DELETE FROM " + table(shard.getKey()) + " WHERE mac IN (<macs>)")
                            .bindList("macs", keys).execute();
                }
            }
            return null;
        }));
    }

    @Override
    public long count() {
        return Sql.guard(kind + " station count", () -> reads.withHandle(h -> {
            long total = 0;
            for (int shard = 0; shard < 16; shard++) {
                total += h.createQuery("SELECT COUNT(*) FROM " + table(shard)).mapTo(Long.class).one();
            }
            return total;
        }));
    }

    @Override
    public void forEach(Consumer<MacStation> action) {
        Sql.guardRun(kind + " station export", () -> reads.useHandle(h -> {
            for (int shard = 0; shard < 16; shard++) {
                h.createQuery("SELECT " + COLUMNS + " FROM " + table(shard))
                        .setFetchSize(1000)
                        .map((rs, ctx) -> map(rs))
                        .useStream(stream -> stream.forEach(action));
            }
        }));
    }

    @Override
    public void update(Collection<MacAddress> macs, org.ichnaea.core.station.ReportLedger ledger,
            java.util.function.BiFunction<Map<MacAddress, MacStation>, java.util.Set<Long>,
                    Collection<MacStation>> change) {
        if (macs.isEmpty()) {
            return;
        }
        Sql.retryingInsertRaces(kind + " station update", () -> writes.inTransaction(h -> {
            Map<MacAddress, MacStation> locked = new HashMap<>();
            for (MacStation s : selectForUpdate(h, macs)) {
                locked.put(s.mac(), s);
            }
            // Read after the row locks: a transaction that applied one of these reports to these stations has
            // committed its ledger rows by now.
            java.util.Set<Long> applied = Ledgers.applied(h, dialect, ledger);
            Collection<MacStation> changed = change.apply(locked, applied);
            Ledgers.record(h, dialect, ledger, applied);
            // Rows read and locked are updated; rows that were absent are inserted, and an insert that meets a row
            // another worker created meanwhile reruns the transaction rather than overwrite that row.
            List<MacStation> known = new ArrayList<>();
            List<MacStation> fresh = new ArrayList<>();
            for (MacStation s : changed) {
                (locked.containsKey(s.mac()) ? known : fresh).add(s);
            }
            if (!known.isEmpty()) {
                write(h, known, false);
            }
            if (!fresh.isEmpty()) {
                write(h, fresh, true);
            }
            return null;
        }));
    }
}
