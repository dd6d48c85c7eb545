package org.ichnaea.app.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ichnaea.core.radio.CellAreaId;
import org.ichnaea.core.radio.CellId;
import org.ichnaea.core.radio.MacAddress;
import org.ichnaea.core.radio.RadioType;
import org.ichnaea.core.station.CellArea;
import org.ichnaea.core.station.CellStation;
import org.ichnaea.core.station.MacStation;
import org.ichnaea.core.station.StationData;
import org.ichnaea.core.station.StationSource;
import org.ichnaea.core.testing.TestClock;
import org.ichnaea.core.testing.TestStations;
import org.ichnaea.app.files.StationFileException;
import org.ichnaea.app.files.StationJsonLines;
import org.ichnaea.mysql.Database;
import org.ichnaea.mysql.MysqlBlueStationStore;
import org.ichnaea.mysql.MysqlCellAreaStore;
import org.ichnaea.mysql.MysqlCellStationStore;
import org.ichnaea.mysql.MysqlWifiStationStore;
import org.junit.jupiter.api.Test;

/**
 * Export then import into an empty database gives back every station field for field (docs/storage.md "Station dump and
 * restore").
 */
abstract class StationJsonLinesContract {

    /** A new, empty database of the kind under test. */
    protected abstract Database emptyDatabase();

    private static Stores stores(Database db) {
        return new Stores(new MysqlWifiStationStore(db, db), new MysqlBlueStationStore(db, db),
                new MysqlCellStationStore(db, db), new MysqlCellAreaStore(db, db));
    }

    record Stores(MysqlWifiStationStore wifi, MysqlBlueStationStore blue, MysqlCellStationStore cells,
                  MysqlCellAreaStore areas) {
        StationJsonLines lines() {
            return new StationJsonLines(wifi, blue, cells, areas);
        }

        Set<Object> all() {
            Set<Object> all = new HashSet<>();
            wifi.forEach(s -> all.add("wifi " + s));
            blue.forEach(s -> all.add("blue " + s));
            cells.forEach(all::add);
            areas.forEach(all::add);
            return all;
        }
    }

    @Test
    void export_then_import_gives_back_every_station_field_for_field() {
        Stores source = stores(emptyDatabase());
        List<MacStation> wifis = new ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            wifis.add(TestStations.wifi(String.format("a0b1c2%06x", (i * 7919) & 0xFFFFFF)).at(40 + i * 0.001, -3.5 + i * 0.002)
                    .samples(i + 1).region(i % 2 == 0 ? "ES" : null).age(i % 400).build());
        }
        wifis.add(new MacStation(MacAddress.of("ffeeddccbbaa"), new StationData(null, null, null, null, null, null,
                null, "FR", null, null, null, TestClock.daysAgo(30), TestClock.daysAgo(1), null,
                LocalDate.of(2026, 5, 1), LocalDate.of(2026, 6, 14), 3)));
        source.wifi().saveAll(wifis);
        source.blue().saveAll(List.of(TestStations.blue("01:23:45:67:89:ab").at(52.1, 5.1).radius(7)
                .source(StationSource.QUERY).build()));
        source.cells().saveAll(List.of(
                new CellStation(new CellId(RadioType.NR, 244, 5, 16_777_215, 68_719_476_735L), 1007,
                        new StationData(60.17, 24.94, 60.18, 60.16, 24.95, 24.93, 1500, "FI", 12L,
                                StationSource.FUSED, 8.25, TestClock.daysAgo(90), TestClock.daysAgo(2),
                                LocalDate.of(2026, 6, 13), null, null, null)),
                TestStations.cell(RadioType.GSM, 262, 2, 812, 1234).psc(null).build()));
        source.areas().saveAll(List.of(new CellArea(new CellAreaId(RadioType.LTE, 262, 2, 812), 52.5, 13.4,
                12_000, "DE", 2500, 7, TestClock.daysAgo(100), TestClock.daysAgo(2), LocalDate.of(2026, 6, 13))));

        ByteArrayOutputStream file = new ByteArrayOutputStream();
        StationJsonLines.Counts exported = source.lines().export(file, n -> { });
        assertThat(exported).isEqualTo(new StationJsonLines.Counts(2501, 1, 2, 1));

        Stores target = stores(emptyDatabase());
        StationJsonLines.Counts imported = target.lines().importFrom(new ByteArrayInputStream(file.toByteArray()),
                n -> { });

        assertThat(imported).isEqualTo(exported);
        assertThat(target.all()).isEqualTo(source.all());
    }

    @Test
    void the_export_is_one_json_object_per_line_with_lower_case_macs() {
        Stores source = stores(emptyDatabase());
        source.wifi().saveAll(List.of(TestStations.wifi("AA:BB:CC:00:00:01").at(51.5, -0.1).build()));
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        source.lines().export(file, n -> { });
        String text = file.toString(StandardCharsets.UTF_8);
        assertThat(text.lines()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("{\"kind\":\"wifi\",\"mac\":\"aabbcc000001\",\"lat\":51.5,\"lon\":-0.1,")
                .contains("\"created\":\"2026-06-15T12:00:00Z\"", "\"last_seen\":\"2026-06-15\""));
    }

    @Test
    void a_malformed_line_is_reported_with_its_number_and_the_lines_before_it_are_kept() {
        Stores target = stores(emptyDatabase());
        String file = String.join("\n",
                "{\"kind\":\"wifi\",\"mac\":\"AA-BB-CC-00-00-01\",\"lat\":51.5,\"lon\":-0.1,\"samples\":3}",
                "",
                "{\"kind\":\"cell\",\"radio\":\"umts\",\"mcc\":262,\"mnc\":2,\"lac\":812,\"cid\":99}",
                "{\"kind\":\"wifi\",\"mac\":\"not-a-mac\",\"lat\":51.5,\"lon\":-0.1}",
                "{\"kind\":\"wifi\",\"mac\":\"aabbcc000002\"}");

        assertThatThrownBy(() -> target.lines().importFrom(
                new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)), n -> { }))
                .isInstanceOf(StationFileException.class)
                .hasMessageContaining("line 4")
                .hasMessageContaining("invalid mac")
                .satisfies(e -> assertThat(((StationFileException) e).imported()).isEqualTo(2));
        assertThat(target.wifi().count()).isEqualTo(1);
        assertThat(target.cells().findAll(List.of(new CellId(RadioType.WCDMA, 262, 2, 812, 99)))).hasSize(1);
    }

    @Test
    void wrong_types_and_unknown_kinds_are_malformed_lines() {
        Stores target = stores(emptyDatabase());
        for (String bad : List.of("[1,2]", "{\"kind\":\"tower\"}", "{\"kind\":\"wifi\",\"mac\":\"aabbcc000001\","
                + "\"lat\":\"north\"}", "{\"kind\":\"wifi\",\"mac\":\"aabbcc000001\",\"lat\":1.0}",
                "{\"kind\":\"cell\",\"radio\":\"cdma\",\"mcc\":1,\"mnc\":1,\"lac\":1,\"cid\":1}", "{oops")) {
            assertThatThrownBy(() -> target.lines().importFrom(
                    new ByteArrayInputStream(bad.getBytes(StandardCharsets.UTF_8)), n -> { }))
                    .as(bad).isInstanceOf(StationFileException.class).hasMessageStartingWith("line 1: ");
        }
        assertThat(target.wifi().count()).isZero();
    }
}
