package org.ichnaea.mysql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Consumer;
import org.ichnaea.core.radio.CellAreaId;
import org.ichnaea.core.radio.RadioType;
import org.ichnaea.core.station.CellArea;
import org.ichnaea.core.station.CellAreaStore;
import org.jdbi.v3.core.Jdbi;

/** Cell areas in {@code cell_area}. */
public final class MysqlCellAreaStore implements CellAreaStore {

    private static final List<String> COLUMN_LIST = List.of("areaid", "radio", "mcc", "mnc", "lac", "lat", "lon",
            "radius", "region", "avg_cell_radius", "num_cells", "created", "modified", "last_seen");
    private static final String COLUMNS = String.join(", ", COLUMN_LIST);

    private final Jdbi reads;
    private final Jdbi writes;
    private static final List<java.lang.reflect.Type> TYPES = List.of(byte[].class, Integer.class, Integer.class,
            Integer.class, Integer.class, Double.class, Double.class, Integer.class, String.class, Integer.class,
            Integer.class, LocalDateTime.class, LocalDateTime.class, LocalDate.class);

    private final Dialect dialect;

    public MysqlCellAreaStore(Database reads, Database writes) {
        this.reads = reads.jdbi();
        this.writes = writes.jdbi();
        this.dialect = writes.dialect();
    }

    private static List<byte[]> keys(Collection<CellAreaId> ids) {
        List<byte[]> keys = new ArrayList<>(ids.size());
        for (CellAreaId id : new LinkedHashSet<>(ids)) {
            keys.add(Keys.areaId(id));
        }
        return keys;
    }

    @Override
    public List<CellArea> findAll(Collection<CellAreaId> ids) {
        if (ids.isEmpty()) {
            return new ArrayList<>();
        }
        return Sql.guard("cell area lookup", () -> reads.withHandle(h -> {
            List<CellArea> found = new ArrayList<>();
            for (List<byte[]> keys : Sql.chunks(keys(ids), Sql.MAX_IN_LIST)) {
                found.addAll(h.createQuery("SELECT " + COLUMNS + " FROM cell_area WHERE areaid IN (<ids>)")
                        .bindList("ids", keys)
                        .map((rs, ctx) -> map(rs))
                        .list());
            }
            return found;
        }));
    }

    private static CellArea map(ResultSet rs) throws SQLException {
        CellAreaId id = new CellAreaId(RadioType.ofCode(rs.getInt("radio")), rs.getInt("mcc"), rs.getInt("mnc"),
                rs.getInt("lac"));
        return new CellArea(id, rs.getDouble("lat"), rs.getDouble("lon"), rs.getInt("radius"), rs.getString("region"),
                rs.getObject("avg_cell_radius", Integer.class), rs.getInt("num_cells"),
                Sql.fromDb(rs.getObject("created", LocalDateTime.class)),
                Sql.fromDb(rs.getObject("modified", LocalDateTime.class)),
                rs.getObject("last_seen", LocalDate.class));
    }

    @Override
    public void saveAll(Collection<CellArea> areas) {
        if (areas.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(areas.size());
        for (CellArea a : areas) {
            CellAreaId id = a.id();
            rows.add(new Object[] {Keys.areaId(id), id.radio().code(), id.mcc(), id.mnc(), id.lac(), a.lat(), a.lon(),
                a.radius(), a.region(), a.avgCellRadius(), a.numCells(), Sql.toDb(a.created()),
                Sql.toDb(a.modified()), a.lastSeen()});
        }
        Sql.retrying("cell area save", () -> writes.inTransaction(h -> {
            Upserts.write(h, dialect, "cell_area", "areaid", COLUMN_LIST, TYPES, rows);
            return null;
        }));
    }

    @Override
    public void deleteAll(Collection<CellAreaId> ids) {
        if (ids.isEmpty()) {
            return;
        }
        Sql.retrying("cell area delete", () -> writes.inTransaction(h -> {
            for (List<byte[]> keys : Sql.chunks(keys(ids), Sql.MAX_IN_LIST)) {
                h.createUpdate("DELETE FROM cell_area WHERE areaid IN (<ids>)").bindList("ids", keys).execute();
            }
            return null;
        }));
    }

    @Override
    public long count() {
        return Sql.guard("cell area count", () -> reads.withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM cell_area").mapTo(Long.class).one()));
    }

    @Override
    public void forEach(Consumer<CellArea> action) {
        Sql.guardRun("cell area export", () -> reads.useHandle(h -> h.createQuery("SELECT " + COLUMNS
                        + " FROM cell_area")
                .setFetchSize(1000)
                .map((rs, ctx) -> map(rs))
                .useStream(stream -> stream.forEach(action))));
    }
}
