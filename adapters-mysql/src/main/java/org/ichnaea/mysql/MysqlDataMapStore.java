package org.ichnaea.mysql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.ichnaea.core.datamap.DataMapStore;
import org.ichnaea.core.datamap.GridCell;
import org.ichnaea.core.datamap.GridEntry;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The coverage grid in {@code datamap_ne}, {@code _nw}, {@code _se} and {@code _sw} (docs/storage.md "Schema",
 * docs/algorithms.md §13.4). An update runs per quadrant in batches of up to {@link #BATCH} cells, each one transaction
 * of two statements: an {@code UPDATE} setting {@code modified} to today on the known cells not yet modified today,
 * then a multi-row {@code INSERT IGNORE} of every cell, which adds only the new ones. Plain JDBC, as {@link Upserts}:
 * Jdbi would parse the long statements on every call.
 */
public final class MysqlDataMapStore implements DataMapStore {

    /** Most cells per statement. */
    static final int BATCH = 500;
    private static final List<String> QUADRANTS = List.of("ne", "nw", "se", "sw");
    private static final Comparator<GridCell> KEY_ORDER = Comparator.comparingInt(GridCell::lat)
            .thenComparingInt(GridCell::lon);

    private final Jdbi reads;
    private final Jdbi writes;

    public MysqlDataMapStore(Database reads, Database writes) {
        this.reads = reads.jdbi();
        this.writes = writes.jdbi();
    }

    private static String table(String quadrant) {
        return "datamap_" + quadrant;
    }

    @Override
    public int update(Collection<GridCell> cells, LocalDate today) {
        Map<String, List<GridCell>> byQuadrant = new TreeMap<>();
        for (GridCell cell : new LinkedHashSet<>(cells)) {
            byQuadrant.computeIfAbsent(cell.quadrant(), q -> new ArrayList<>()).add(cell);
        }
        int changed = 0;
        for (Map.Entry<String, List<GridCell>> quadrant : byQuadrant.entrySet()) {
            List<GridCell> sorted = quadrant.getValue();
            // One key order for every process, so two concurrent batches lock rows in the same order.
            sorted.sort(KEY_ORDER);
            String table = table(quadrant.getKey());
            for (int from = 0; from < sorted.size(); from += BATCH) {
                List<GridCell> batch = sorted.subList(from, Math.min(sorted.size(), from + BATCH));
                changed += Sql.retrying("data map update", () -> writes.inTransaction(h -> updateBatch(h, table,
                        batch, today)));
            }
        }
        return changed;
    }

    private static int updateBatch(Handle h, String table, List<GridCell> batch, LocalDate today) {
        Connection connection = h.getConnection();
        String in = String.join(", ", Collections.nCopies(batch.size(), "?"));
        String values = String.join(", ", Collections.nCopies(batch.size(), "(?, ?, ?)"));
        try {
            int touched;
            try (PreparedStatement update = connection.prepareStatement("UPDATE " + table
                    + " SET modified = ? WHERE grid IN (" + in + ") AND (modified IS NULL OR modified <> ?)")) {
                int position = 1;
                update.setObject(position++, today);
                for (GridCell cell : batch) {
                    update.setBytes(position++, cell.encode());
                }
                update.setObject(position, today);
                touched = update.executeUpdate();
            }
            int inserted;
            try (PreparedStatement insert = connection.prepareStatement("INSERT IGNORE INTO " + table
                    + " (grid, created, modified) VALUES " + values)) {
                int position = 1;
                for (GridCell cell : batch) {
                    insert.setBytes(position++, cell.encode());
                    insert.setObject(position++, today);
                    insert.setObject(position++, today);
                }
                inserted = insert.executeUpdate();
            }
            return touched + inserted;
        } catch (SQLException e) {
            throw new Upserts.Failure(e);
        }
    }

    @Override
    public int deleteModifiedBefore(LocalDate day) {
        int deleted = 0;
        for (String quadrant : QUADRANTS) {
            deleted += Sql.retrying("data map cleanup", () -> writes.withHandle(h -> h.createUpdate(
                    "DELETE FROM " + table(quadrant) + " WHERE modified < :day").bind("day", day).execute()));
        }
        return deleted;
    }

    @Override
    public void forEach(Consumer<GridEntry> action) {
        for (String quadrant : QUADRANTS) {
            Sql.guardRun("data map export", () -> reads.useHandle(h -> h.createQuery(
                            "SELECT grid, created, modified FROM " + table(quadrant))
                    .setFetchSize(1000)
                    .map((rs, ctx) -> new GridEntry(GridCell.decode(rs.getBytes("grid")),
                            rs.getObject("created", LocalDate.class), rs.getObject("modified", LocalDate.class)))
                    .useStream(stream -> stream.forEach(action))));
        }
    }

    @Override
    public long count() {
        long count = 0;
        for (String quadrant : QUADRANTS) {
            count += Sql.guard("data map count", () -> reads.withHandle(h -> h.createQuery(
                    "SELECT COUNT(*) FROM " + table(quadrant)).mapTo(Long.class).one()));
        }
        return count;
    }
}
