package org.ichnaea.mysql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.ichnaea.core.station.StationData;
import org.ichnaea.core.station.StationSource;
import org.jdbi.v3.core.statement.SqlStatement;

/** The columns every station table shares (ichnaea-behaviour.md §4.1), and their mapping to {@link StationData}. */
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

    static <S extends SqlStatement<S>> S bind(S s, StationData d) {
        Sql.bind(s, "lat", d.lat(), Double.class);
        Sql.bind(s, "lon", d.lon(), Double.class);
        Sql.bind(s, "max_lat", d.maxLat(), Double.class);
        Sql.bind(s, "min_lat", d.minLat(), Double.class);
        Sql.bind(s, "max_lon", d.maxLon(), Double.class);
        Sql.bind(s, "min_lon", d.minLon(), Double.class);
        Sql.bind(s, "radius", d.radius(), Integer.class);
        Sql.bind(s, "region", d.region(), String.class);
        Sql.bind(s, "samples", d.samples(), Long.class);
        Sql.bind(s, "source", d.source() == null ? null : d.source().code(), Integer.class);
        Sql.bind(s, "weight", d.weight(), Double.class);
        Sql.bindInstant(s, "created", d.created());
        Sql.bindInstant(s, "modified", d.modified());
        Sql.bindDate(s, "last_seen", d.lastSeen());
        Sql.bindDate(s, "block_first", d.blockFirst());
        Sql.bindDate(s, "block_last", d.blockLast());
        Sql.bind(s, "block_count", d.blockCount(), Integer.class);
        return s;
    }
}
