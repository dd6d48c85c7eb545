package org.ichnaea.mysql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.ichnaea.core.radio.CellAreaId;
import org.ichnaea.core.radio.CellId;
import org.ichnaea.core.radio.RadioType;
import org.ichnaea.core.station.CellStation;
import org.ichnaea.core.station.CellStationStore;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Cells in one table per radio ({@code cell_gsm}, {@code cell_wcdma}, {@code cell_lte}, {@code cell_nr}); lookups and
 * deletes bind at most {@link Sql#MAX_IN_LIST} ids per statement.
 */
public final class MysqlCellStationStore implements CellStationStore {

    private static final List<RadioType> RADIOS = List.of(RadioType.GSM, RadioType.WCDMA, RadioType.LTE,
            RadioType.NR);
    private static final String COLUMNS = "cellid, radio, mcc, mnc, lac, cid, psc, profile, "
            + String.join(", ", StationColumns.NAMES);

    private final Jdbi reads;
    private final Jdbi writes;
    private static final List<String> UPSERT_COLUMNS;
    private static final List<java.lang.reflect.Type> UPSERT_TYPES;

    static {
        List<String> columns = new ArrayList<>(List.of("cellid", "radio", "mcc", "mnc", "lac", "cid", "psc",
                "profile"));
        columns.addAll(StationColumns.NAMES);
        UPSERT_COLUMNS = List.copyOf(columns);
        List<java.lang.reflect.Type> types = new ArrayList<>(List.of(byte[].class, Integer.class, Integer.class,
                Integer.class, Integer.class, Long.class, Integer.class, byte[].class));
        types.addAll(StationColumns.TYPES);
        UPSERT_TYPES = List.copyOf(types);
    }

    private final Dialect dialect;

    public MysqlCellStationStore(Database reads, Database writes) {
        this.reads = reads.jdbi();
        this.writes = writes.jdbi();
        this.dialect = writes.dialect();
    }

    private static String table(RadioType radio) {
        return "cell_" + radio.label();
    }

    private static Map<RadioType, List<byte[]>> byRadio(Collection<CellId> ids) {
        Map<RadioType, List<byte[]>> radios = new EnumMap<>(RadioType.class);
        for (CellId id : new LinkedHashSet<>(ids)) {
            radios.computeIfAbsent(id.radio(), k -> new ArrayList<>()).add(Keys.cellId(id));
        }
        return radios;
    }

    @Override
    public List<CellStation> findAll(Collection<CellId> ids) {
        if (ids.isEmpty()) {
            return new ArrayList<>();
        }
        return Sql.guard("cell lookup", () -> reads.withHandle(h -> select(h, ids, false)));
    }

    private List<CellStation> select(Handle h, Collection<CellId> ids, boolean forUpdate) {
        List<CellStation> found = new ArrayList<>();
        for (Map.Entry<RadioType, List<byte[]>> radio : byRadio(ids).entrySet()) {
            for (List<byte[]> keys : Sql.chunks(radio.getValue(), Sql.MAX_IN_LIST)) {
                found.addAll(h.createQuery("SELECT " + COLUMNS + " FROM " + table(radio.getKey())
                                + " WHERE cellid IN (<ids>)" + (forUpdate ? " FOR UPDATE" : ""))
                        .bindList("ids", keys)
                        .map((rs, ctx) -> map(rs))
                        .list());
            }
        }
        return found;
    }

    private static CellStation map(ResultSet rs) throws SQLException {
        CellId id = new CellId(RadioType.ofCode(rs.getInt("radio")), rs.getInt("mcc"), rs.getInt("mnc"),
                rs.getInt("lac"), rs.getLong("cid"));
        return new CellStation(id, rs.getObject("psc", Integer.class), StationColumns.read(rs),
                org.ichnaea.core.station.CellProfile.decode(rs.getBytes("profile")));
    }

    @Override
    public List<CellStation> findByArea(CellAreaId area) {
        return Sql.guard("cell area lookup", () -> reads.withHandle(h -> h.createQuery("SELECT " + COLUMNS
                        + " FROM " + table(area.radio()) + " WHERE mcc = :mcc AND mnc = :mnc AND lac = :lac")
                .bind("mcc", area.mcc()).bind("mnc", area.mnc()).bind("lac", area.lac())
                .map((rs, ctx) -> map(rs)).list()));
    }

    @Override
    public List<CellStation> findSite(CellId cell) {
        long[] range = cell.siteCids();
        return Sql.guard("cell site lookup", () -> reads.withHandle(h -> h.createQuery("SELECT " + COLUMNS
                        + " FROM " + table(cell.radio()) + " WHERE mcc = :mcc AND mnc = :mnc AND lac = :lac"
                        + " AND cid BETWEEN :from AND :to")
                .bind("mcc", cell.mcc()).bind("mnc", cell.mnc()).bind("lac", cell.lac())
                .bind("from", range[0]).bind("to", range[1])
                .map((rs, ctx) -> map(rs)).list()));
    }

    @Override
    public void saveAll(Collection<CellStation> cells) {
        if (cells.isEmpty()) {
            return;
        }
        Sql.retrying("cell save", () -> writes.inTransaction(h -> {
            write(h, cells);
            return null;
        }));
    }

    private void write(Handle h, Collection<CellStation> cells) {
        write(h, cells, false);
    }

    private void write(Handle h, Collection<CellStation> cells, boolean insertOnly) {
        Map<RadioType, List<CellStation>> radios = new EnumMap<>(RadioType.class);
        for (CellStation c : cells) {
            radios.computeIfAbsent(c.id().radio(), k -> new ArrayList<>()).add(c);
        }
        for (Map.Entry<RadioType, List<CellStation>> radio : radios.entrySet()) {
            List<Object[]> rows = new ArrayList<>(radio.getValue().size());
            for (CellStation c : radio.getValue()) {
                CellId id = c.id();
                rows.add(StationColumns.values(c.data(), Keys.cellId(id), id.radio().code(), id.mcc(), id.mnc(),
                        id.lac(), id.cid(), c.psc(), c.profile().isEmpty() ? null : c.profile().encode()));
            }
            Upserts.write(h, dialect, table(radio.getKey()), "cellid", UPSERT_COLUMNS, UPSERT_TYPES, rows,
                    insertOnly);
        }
    }

    @Override
    public void deleteAll(Collection<CellId> ids) {
        if (ids.isEmpty()) {
            return;
        }
        Sql.retrying("cell delete", () -> writes.inTransaction(h -> {
            for (Map.Entry<RadioType, List<byte[]>> radio : byRadio(ids).entrySet()) {
                for (List<byte[]> keys : Sql.chunks(radio.getValue(), Sql.MAX_IN_LIST)) {
                    h.createUpdate("DELETE FROM " + table(radio.getKey()) + " WHERE cellid IN (<ids>)")
                            .bindList("ids", keys).execute();
                }
            }
            return null;
        }));
    }

    @Override
    public long count() {
        return Sql.guard("cell count", () -> reads.withHandle(h -> {
            long total = 0;
            for (RadioType radio : RADIOS) {
                total += h.createQuery("SELECT COUNT(*) FROM " + table(radio)).mapTo(Long.class).one();
            }
            return total;
        }));
    }

    @Override
    public void forEach(Consumer<CellStation> action) {
        Sql.guardRun("cell export", () -> reads.useHandle(h -> {
            for (RadioType radio : RADIOS) {
                h.createQuery("SELECT " + COLUMNS + " FROM " + table(radio))
                        .setFetchSize(1000)
                        .map((rs, ctx) -> map(rs))
                        .useStream(stream -> stream.forEach(action));
            }
        }));
    }

    @Override
    public void update(Collection<CellId> ids, org.ichnaea.core.station.ReportLedger ledger,
            java.util.function.BiFunction<Map<CellId, CellStation>, java.util.Set<Long>,
                    Collection<CellStation>> change) {
        if (ids.isEmpty()) {
            return;
        }
        Sql.retryingInsertRaces("cell update", () -> writes.inTransaction(h -> {
            Map<CellId, CellStation> locked = new HashMap<>();
            for (CellStation c : select(h, ids, true)) {
                locked.put(c.id(), c);
            }
            java.util.Set<Long> applied = Ledgers.applied(h, dialect, ledger);
            Collection<CellStation> changed = change.apply(locked, applied);
            Ledgers.record(h, dialect, ledger, applied);
            // As for Wi-Fi: cells read are updated, new cells inserted; a lost insert race reruns the transaction.
            List<CellStation> known = new ArrayList<>();
            List<CellStation> fresh = new ArrayList<>();
            for (CellStation c : changed) {
                (locked.containsKey(c.id()) ? known : fresh).add(c);
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
