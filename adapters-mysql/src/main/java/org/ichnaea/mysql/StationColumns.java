package org.ichnaea.mysql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.ichnaea.core.station.StationData;
import org.ichnaea.core.station.StationSource;

/**
 * The columns every station table shares (docs/storage.md "Station columns"), and their mapping to {@link StationData}.
 */
final class StationColumns {

    static final List<String> NAMES = List.of("lat", "lon", "max_lat", "min_lat", "max_lon", "min_lon", "radius",
            "region", "samples", "source", "weight", "created", "modified", "last_seen", "block_first", "block_last",
            "block_count");

    private StationColumns() {
    }

    static StationData read(ResultSet rs) throws SQLException {
        Integer source = rs.getObject("source", Integer.class);
        return new StationData(rs.getObject("lat", Double.class), rs.getObject("lon", Double.class),
                rs.getObject("max_lat", Double.class), rs.getObject("min_lat", Double.class),
                rs.getObject("max_lon", Double.class), rs.getObject("min_lon", Double.class),
                rs.getObject("radius", Integer.class), rs.getString("region"), rs.getObject("samples", Long.class),
                source == null ? null : StationSource.ofCode(source), rs.getObject("weight", Double.class),
                Sql.fromDb(rs.getObject("created", LocalDateTime.class)),
                Sql.fromDb(rs.getObject("modified", LocalDateTime.class)),
                rs.getObject("last_seen", LocalDate.class), rs.getObject("block_first", LocalDate.class),
                rs.getObject("block_last", LocalDate.class), rs.getObject("block_count", Integer.class));
    }

    /** The Java types of {@link #NAMES}, for typed binding of nulls. */
    static final List<java.lang.reflect.Type> TYPES = List.of(Double.class, Double.class, Double.class, Double.class,
            Double.class, Double.class, Integer.class, String.class, Long.class, Integer.class, Double.class,
            LocalDateTime.class, LocalDateTime.class, LocalDate.class, LocalDate.class, LocalDate.class,
            Integer.class);

    /** The values of {@link #NAMES} for one station, written after {@code prefix} leading values. */
    static Object[] values(StationData d, Object... prefix) {
        Object[] row = new Object[prefix.length + NAMES.size()];
        System.arraycopy(prefix, 0, row, 0, prefix.length);
        int i = prefix.length;
        row[i++] = d.lat();
        row[i++] = d.lon();
        row[i++] = d.maxLat();
        row[i++] = d.minLat();
        row[i++] = d.maxLon();
        row[i++] = d.minLon();
        row[i++] = d.radius();
        row[i++] = d.region();
        row[i++] = d.samples();
        row[i++] = d.source() == null ? null : d.source().code();
        row[i++] = d.weight();
        row[i++] = Sql.toDb(d.created());
        row[i++] = Sql.toDb(d.modified());
        row[i++] = d.lastSeen();
        row[i++] = d.blockFirst();
        row[i++] = d.blockLast();
        row[i] = d.blockCount();
        return row;
    }
}
