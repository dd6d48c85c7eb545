package org.ichnaea.mysql;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ichnaea.core.radio.RadioType;
import org.ichnaea.core.stats.RegionCounts;
import org.ichnaea.core.stats.RegionStat;
import org.ichnaea.core.stats.RegionStatStore;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The per-region totals in {@code region_stat} (docs/algorithms.md §13.3 {@code update_statregion}), counted in SQL:
 * Σ {@code num_cells} of {@code cell_area} per region and radio, and the station rows per region over the sixteen
 * Wi-Fi and sixteen Bluetooth shards. The new rows replace the old ones in one transaction.
 */
public final class MysqlRegionStatStore implements RegionStatStore {

    private static final List<String> COLUMN_LIST = List.of("region", "gsm", "wcdma", "lte", "nr", "blue", "wifi");
    private static final List<Type> TYPES = List.of(String.class, Long.class, Long.class, Long.class, Long.class,
            Long.class, Long.class);

    private final Jdbi reads;
    private final Jdbi writes;
    private final Dialect dialect;

    public MysqlRegionStatStore(Database reads, Database writes) {
        this.reads = reads.jdbi();
        this.writes = writes.jdbi();
        this.dialect = writes.dialect();
    }

    /** Counts per region of one station kind: a {@code UNION ALL} of the per-shard counts, summed. */
    private static String stationCounts(String kind) {
        StringBuilder union = new StringBuilder();
        for (char shard : Schema.SHARDS.toCharArray()) {
            if (union.length() > 0) {
                union.append(" UNION ALL ");
            }
            union.append("SELECT region, COUNT(*) AS n FROM ").append(kind).append("_shard_").append(shard)
                    .append(" WHERE region IS NOT NULL GROUP BY region");
        }
        return "SELECT region, SUM(n) AS n FROM (" + union + ") shard_counts GROUP BY region";
    }

    @Override
    public int recompute() {
        List<RegionStat> counts = Sql.guard("region stat count", () -> writes.withHandle(h -> count(h)));
        List<Object[]> rows = new ArrayList<>(counts.size());
        counts.forEach(c -> rows.add(new Object[] {c.region(), c.gsm(), c.wcdma(), c.lte(), c.nr(), c.blue(),
            c.wifi()}));
        List<String> regions = counts.stream().map(RegionStat::region).toList();
        Sql.retrying("region stat save", () -> writes.inTransaction(h -> {
            Upserts.write(h, dialect, "region_stat", "region", COLUMN_LIST, TYPES, rows);
            if (regions.isEmpty()) {
                h.createUpdate("DELETE FROM region_stat").execute();
            } else {
                h.createUpdate("DELETE FROM region_stat WHERE region NOT IN (<regions>)")
                        .bindList("regions", regions).execute();
            }
            return null;
        }));
        return rows.size();
    }

    private record CellCount(String region, RadioType radio, long cells) {
    }

    private static List<RegionStat> count(Handle h) {
        RegionCounts counts = new RegionCounts();
        h.createQuery("SELECT region, radio, SUM(num_cells) AS n FROM cell_area WHERE region IS NOT NULL "
                        + "GROUP BY region, radio")
                .map((rs, ctx) -> new CellCount(rs.getString("region"), RadioType.ofCode(rs.getInt("radio")),
                        rs.getLong("n")))
                .forEach(row -> counts.addCells(row.region(), row.radio(), row.cells()));
        h.createQuery(stationCounts("blue")).map((rs, ctx) -> Map.entry(rs.getString("region"), rs.getLong("n")))
                .forEach(row -> counts.addBlue(row.getKey(), row.getValue()));
        h.createQuery(stationCounts("wifi")).map((rs, ctx) -> Map.entry(rs.getString("region"), rs.getLong("n")))
                .forEach(row -> counts.addWifi(row.getKey(), row.getValue()));
        return counts.stats();
    }

    @Override
    public List<RegionStat> findAll() {
        return Sql.guard("region stat list", () -> reads.withHandle(h -> h.createQuery(
                        "SELECT region, gsm, wcdma, lte, nr, blue, wifi FROM region_stat "
                                + "ORDER BY gsm + wcdma + lte + nr DESC, region")
                .map((rs, ctx) -> new RegionStat(rs.getString("region"), rs.getLong("gsm"), rs.getLong("wcdma"),
                        rs.getLong("lte"), rs.getLong("nr"), rs.getLong("blue"), rs.getLong("wifi")))
                .list()));
    }
}
