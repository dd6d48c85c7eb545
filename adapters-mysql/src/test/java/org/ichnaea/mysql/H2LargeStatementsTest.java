package org.ichnaea.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.ichnaea.core.StoreUnavailableException;
import org.ichnaea.core.radio.CellAreaId;
import org.ichnaea.core.radio.CellId;
import org.ichnaea.core.radio.MacAddress;
import org.ichnaea.core.radio.RadioType;
import org.ichnaea.core.station.CellStation;
import org.ichnaea.core.station.MacStation;
import org.ichnaea.core.testing.TestStations;
import org.junit.jupiter.api.Test;

/**
 * Station lookups, updates and deletes with more keys than one statement may bind (issue 11: a report with 110,000
 * Wi-Fi networks in one shard failed on H2 with {@code Invalid value "110000" for parameter "parameter index"} and
 * was requeued forever), and database messages kept short in errors and logs.
 */
class H2LargeStatementsTest {

    private final Database db = TestDatabases.h2();

    /** {@code n} MACs, all in shard 0 (the fifth hex digit). */
    private static List<MacAddress> oneShard(int n) {
        List<MacAddress> macs = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            macs.add(MacAddress.of(String.format("aabb0%07x", i)));
        }
        return macs;
    }

    @Test
    void a_lookup_of_110000_macs_in_one_shard_works() {
        MysqlWifiStationStore store = new MysqlWifiStationStore(db, db);
        List<MacAddress> macs = oneShard(110_000);
        assertThat(macs).extracting(MacAddress::shard).containsOnly(0);
        List<MacStation> saved = List.of(TestStations.wifi(macs.get(5).toString()).at(51.5, -0.1).build(),
                TestStations.wifi(macs.get(109_999).toString()).at(51.6, -0.1).build());
        store.saveAll(saved);

        assertThat(store.findAll(macs)).containsExactlyInAnyOrderElementsOf(saved);
    }

    @Test
    void an_update_and_a_delete_of_more_macs_than_one_statement_binds_work() {
        MysqlWifiStationStore store = new MysqlWifiStationStore(db, db);
        List<MacAddress> macs = oneShard(2 * Sql.MAX_IN_LIST + 500);
        List<MacAddress> mixed = new ArrayList<>(macs);
        mixed.add(MacAddress.of("aabb1c000001"));
        store.update(mixed, locked -> {
            assertThat(locked).isEmpty();
            return mixed.stream().map(m -> TestStations.wifi(m.toString()).at(51.5, -0.1).samples(1).build())
                    .toList();
        });
        assertThat(store.count()).isEqualTo(mixed.size());

        store.update(mixed, locked -> {
            assertThat(locked).as("every row is read and locked again").hasSize(mixed.size());
            return locked.values().stream().map(s -> TestStations.wifi(s.mac().toString()).at(51.5, -0.1)
                    .samples(2).build()).toList();
        });
        assertThat(store.findAll(mixed)).hasSize(mixed.size())
                .allSatisfy(s -> assertThat(s.data().samples()).isEqualTo(2L));

        store.deleteAll(macs);
        assertThat(store.findAll(mixed)).extracting(MacStation::mac).containsExactly(mixed.get(mixed.size() - 1));
    }

    @Test
    void cells_and_cell_areas_beyond_one_statement_are_found_updated_and_deleted() {
        MysqlCellStationStore cells = new MysqlCellStationStore(db, db);
        List<CellId> ids = IntStream.rangeClosed(1, 2 * Sql.MAX_IN_LIST + 1)
                .mapToObj(i -> new CellId(RadioType.LTE, 262, 1, 7, i)).toList();
        cells.update(ids, locked -> ids.stream().map(id -> TestStations.cell(RadioType.LTE, 262, 1, 7, id.cid())
                .at(52.5, 13.4).build()).toList());
        assertThat(cells.findAll(ids)).extracting(CellStation::id).containsExactlyInAnyOrderElementsOf(ids);
        cells.deleteAll(ids.subList(0, ids.size() - 1));
        assertThat(cells.findAll(ids)).extracting(CellStation::id).containsExactly(ids.get(ids.size() - 1));

        MysqlCellAreaStore areas = new MysqlCellAreaStore(db, db);
        List<CellAreaId> areaIds = IntStream.rangeClosed(1, 2 * Sql.MAX_IN_LIST + 1)
                .mapToObj(lac -> new CellAreaId(RadioType.GSM, 262, 2, lac)).toList();
        areas.saveAll(areaIds.stream().map(a -> TestStations.area(a.radio(), a.mcc(), a.mnc(), a.lac())
                .at(52.5, 13.4).build()).toList());
        assertThat(areas.findAll(areaIds)).hasSize(areaIds.size());
        areas.deleteAll(areaIds.subList(1, areaIds.size()));
        assertThat(areas.findAll(areaIds)).singleElement().satisfies(a -> assertThat(a.id()).isEqualTo(areaIds.get(0)));
    }

    @Test
    void lookup_statements_bind_at_most_the_cap_and_keep_every_key_in_order() {
        Map<Integer, List<byte[]>> shards = new TreeMap<>();
        shards.put(1, keys(10));
        shards.put(2, keys(2 * Sql.MAX_IN_LIST + 5));
        shards.put(7, keys(Sql.MAX_IN_LIST - 10));

        List<Map<Integer, List<byte[]>>> statements = MysqlMacStationStore.statements(shards);

        assertThat(statements).hasSize(4);
        assertThat(statements).allSatisfy(s -> assertThat(s.values().stream().mapToInt(List::size).sum())
                .isBetween(1, Sql.MAX_IN_LIST));
        Map<Integer, List<byte[]>> joined = new TreeMap<>();
        for (Map<Integer, List<byte[]>> statement : statements) {
            statement.forEach((shard, keys) -> joined.computeIfAbsent(shard, k -> new ArrayList<>()).addAll(keys));
        }
        assertThat(joined).containsOnlyKeys(shards.keySet());
        shards.forEach((shard, keys) -> assertThat(joined.get(shard)).containsExactlyElementsOf(keys));
    }

    private static List<byte[]> keys(int n) {
        return IntStream.range(0, n).mapToObj(i -> new byte[] {(byte) (i >> 8), (byte) i}).collect(
                Collectors.toList());
    }

    @Test
    void a_failing_statement_is_reported_in_a_few_hundred_characters_not_the_whole_sql() {
        // A statement over H2's parameter limit, the failure of issue 11, whose message repeats the whole SQL.
        List<Integer> ids = Collections.nCopies(110_000, 1);
        StoreUnavailableException e = catchThrowableOfType(StoreUnavailableException.class,
                () -> Sql.guard("station lookup", () -> db.jdbi().withHandle(h -> h.createQuery(
                        "SELECT 1 FROM wifi_shard_0 WHERE samples IN (<ids>)").bindList("ids", ids)
                        .mapTo(Integer.class).list())));

        assertThat(e.getMessage()).startsWith("station lookup failed: ")
                .hasSizeLessThan(Sql.MAX_MESSAGE_LENGTH + 100);
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).as("message of %s", t.getClass())
                    .hasSizeLessThan(Sql.MAX_MESSAGE_LENGTH + 100);
        }
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        assertThat(trace.toString()).as("the logged stack trace").hasSizeLessThan(20_000);
    }

    @Test
    void a_shortened_cause_keeps_its_sql_state_for_the_retry_rules() {
        SQLException duplicate = new SQLException("Duplicate entry " + "x".repeat(750_000), "23000", 1062);

        StoreUnavailableException e = Sql.unavailable("wifi station update", new Upserts.Failure(duplicate));

        assertThat(e.getMessage()).hasSizeLessThan(Sql.MAX_MESSAGE_LENGTH + 100).contains("Duplicate entry").endsWith("characters)");
        assertThat(e.getCause()).isInstanceOfSatisfying(SQLException.class, sql -> {
            assertThat(sql.getSQLState()).isEqualTo("23000");
            assertThat(sql.getErrorCode()).isEqualTo(1062);
            assertThat(sql.getMessage()).hasSizeLessThan(Sql.MAX_MESSAGE_LENGTH + 100);
            assertThat(sql.getStackTrace()).isEqualTo(duplicate.getStackTrace());
        });
    }
}
