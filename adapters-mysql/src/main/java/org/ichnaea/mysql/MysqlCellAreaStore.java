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
import org.jdbi.v3.core.statement.PreparedBatch;

/** Cell areas in {@code cell_area}. */
public final class MysqlCellAreaStore implements CellAreaStore {

    private static final List<String> COLUMN_LIST = List.of("areaid", "radio", "mcc", "mnc", "lac", "lat", "lon",
            "radius", "region", "avg_cell_radius", "num_cells", "created", "modified", "last_seen");
    private static final String COLUMNS = String.join(", ", COLUMN_LIST);

    private final Jdbi reads;
    private final Jdbi writes;
    private final String upsert;

    public MysqlCellAreaStore(Database reads, Database writes) {
        this.reads = reads.jdbi();
        this.writes = writes.jdbi();
        this.upsert = writes.dialect().upsert("cell_area", "areaid", COLUMN_LIST);
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
        return Sql.guard("cell area lookup", () -> reads.withHandle(h -> h.createQuery("SELECT " + COLUMNS
                        + " FROM cell_area WHERE areaid IN (<ids>)")
                .bindList("ids", keys(ids))
                .map((rs, ctx) -> map(rs))
                .list()));
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
        Sql.retrying("cell area save", () -> writes.inTransaction(h -> {
            PreparedBatch batch = h.prepareBatch(upsert);
            for (CellArea a : areas) {
                CellAreaId id = a.id();
                batch.bind("areaid", Keys.areaId(id)).bind("radio", id.radio().code()).bind("mcc", id.mcc())
                        .bind("mnc", id.mnc()).bind("lac", id.lac()).bind("lat", a.lat()).bind("lon", a.lon())
                        .bind("radius", a.radius()).bind("num_cells", a.numCells());
                Sql.bind(batch, "region", a.region(), String.class);
                Sql.bind(batch, "avg_cell_radius", a.avgCellRadius(), Integer.class);
                Sql.bindInstant(batch, "created", a.created());
                Sql.bindInstant(batch, "modified", a.modified());
                Sql.bindDate(batch, "last_seen", a.lastSeen());
                batch.add();
            }
            batch.execute();
            return null;
        }));
    }

    @Override
    public void deleteAll(Collection<CellAreaId> ids) {
        if (ids.isEmpty()) {
            return;
        }
        Sql.retrying("cell area delete", () -> writes.inTransaction(h -> h.createUpdate(
                "DELETE FROM cell_area WHERE areaid IN (<ids>)").bindList("ids", keys(ids)).execute()));
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
