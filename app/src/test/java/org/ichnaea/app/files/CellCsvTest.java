package org.ichnaea.app.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ichnaea.core.radio.CellAreaId;
import org.ichnaea.core.radio.CellId;
import org.ichnaea.core.radio.RadioType;
import org.ichnaea.core.station.CellStation;
import org.ichnaea.core.testing.TestRegions;
import org.ichnaea.app.files.CellCsv;
import org.ichnaea.mysql.Database;
import org.ichnaea.mysql.MysqlCellStationStore;
import org.ichnaea.mysql.TestDatabases;
import org.junit.jupiter.api.Test;

/**
 * The MLS/OpenCelliD cell CSV (docs/storage.md "Public cell CSV") on H2. Coordinates are written like Python's
 * {@code str(round(x, 7))}: at most 7 decimals, no trailing zeros.
 */
class CellCsvTest {

    private static final String ROWS = String.join("\r\n", CellCsv.HEADER,
            "GSM,262,2,812,1234,,13.405,52.52,1500,12,1,1700000000,1750000000,",
            "UMTS,262,2,812,31234567,400,13.406,52.521,200000,3,1,1700000000,1750000001,",
            "LTE,234,10,100,5,311,-0.1,51.5,800,7,1,1700000000,1750000002,",
            "NR,244,5,16777215,68719476735,1007,24.94,60.17,300,2,1,1700000000,1750000003,") + "\r\n";

    @Test
    void imports_every_radio_then_exports_the_same_rows() {
        Database db = TestDatabases.h2();
        MysqlCellStationStore cells = new MysqlCellStationStore(db, db);
        List<String> bad = new ArrayList<>();
        CellCsv.Result result = CellCsv.importFrom(new ByteArrayInputStream(ROWS.getBytes(StandardCharsets.UTF_8)),
                cells, TestRegions.some(), bad::add, n -> { });

        assertThat(bad).isEmpty();
        assertThat(result.inserted()).isEqualTo(4);
        assertThat(result.areas()).contains(new CellAreaId(RadioType.GSM, 262, 2, 812),
                new CellAreaId(RadioType.NR, 244, 5, 16_777_215));
        CellStation umts = cells.findAll(List.of(new CellId(RadioType.WCDMA, 262, 2, 812, 31234567))).get(0);
        assertThat(umts.data().radius()).as("clamped to 100 km").isEqualTo(100_000);
        assertThat(umts.psc()).isEqualTo(400);
        assertThat(umts.data().region()).isEqualTo("DE");
        assertThat(umts.data().modified()).isEqualTo(Instant.ofEpochSecond(1750000001));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(CellCsv.export(cells, out, c -> true)).isEqualTo(4);
        Set<String> exported = new HashSet<>(List.of(out.toString(StandardCharsets.UTF_8).split("\r\n")));
        Set<String> expected = new HashSet<>(List.of(ROWS.replace(",200000,", ",100000,").split("\r\n")));
        assertThat(exported).isEqualTo(expected);
    }

    @Test
    void a_gsm_row_with_a_cell_id_above_65535_is_a_wcdma_cell_and_the_summary_counts_radios_and_skips() {
        Database db = TestDatabases.h2();
        MysqlCellStationStore cells = new MysqlCellStationStore(db, db);
        String file = String.join("\n", CellCsv.HEADER,
                "GSM,262,2,812,1234,,13.405,52.52,1500,12,1,1700000000,1750000000,",
                "GSM,262,2,812,65536,,13.41,52.52,1500,12,1,1700000000,1750000000,",
                "UMTS,262,2,812,31234567,400,13.406,52.521,2000,3,1,1700000000,1750000001,",
                "CDMA,310,0,1,1,,0,0,0,0,1,0,0,",
                "CDMA,310,0,1,2,,0,0,0,0,1,0,0,",
                "LTE,262,2,70000,5,,13.4,52.5,800,7,1,1700000000,1750000002,",
                "LTE,234,10,100,5,311,-0.1,51.5,800,7,1,1700000000,1750000002,",
                "NR,244,5,16777215,68719476735,1007,24.94,60.17,300,2,1,1700000000,1750000003,");
        List<String> bad = new ArrayList<>();
        CellCsv.Result result = CellCsv.importFrom(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)),
                cells, TestRegions.some(), bad::add, n -> { });

        assertThat(cells.findAll(List.of(new CellId(RadioType.WCDMA, 262, 2, 812, 65536)))).as("stored as WCDMA")
                .hasSize(1);
        assertThat(cells.findAll(List.of(new CellId(RadioType.GSM, 262, 2, 812, 65536)))).isEmpty();
        assertThat(result.areas()).contains(new CellAreaId(RadioType.WCDMA, 262, 2, 812))
                .contains(new CellAreaId(RadioType.GSM, 262, 2, 812));
        assertThat(bad).singleElement().asString().startsWith("line 7: area code out of range for lte: 70000");
        assertThat(result.malformed()).isZero();
        assertThat(result.summary()).isEqualTo("9 lines: 5 cells read (GSM 1, UMTS 2 (1 GSM with cell id > 65535), "
                + "LTE 1, NR 1): 5 inserted, 0 updated, 0 unchanged; skipped: 2 CDMA, 1 out of range, 0 malformed");
    }

    @Test
    void bad_lines_are_reported_by_number_and_skipped_and_older_rows_do_not_overwrite() {
        Database db = TestDatabases.h2();
        MysqlCellStationStore cells = new MysqlCellStationStore(db, db);
        CellCsv.importFrom(new ByteArrayInputStream(ROWS.getBytes(StandardCharsets.UTF_8)), cells,
                TestRegions.some(), b -> { }, n -> { });
        String second = String.join("\n",
                "GSM,262,2,812,1234,,13.5,52.6,1500,99,1,1700000000,1600000000,",
                "CDMA,310,0,1,1,,0,0,0,0,1,0,0,",
                "GSM,262,2,812,abc,,13.4,52.5,1,1,1,0,0,",
                "GSM,262,2,812,9,,13.4,95.0,1,1,1,0,0,",
                "short,line",
                "LTE,234,10,100,5,,-0.2,51.6,900,8,1,1700000000,1760000000,");
        List<String> bad = new ArrayList<>();
        CellCsv.Result result = CellCsv.importFrom(new ByteArrayInputStream(second.getBytes(StandardCharsets.UTF_8)),
                cells, TestRegions.some(), bad::add, n -> { });
        assertThat(bad).as("CDMA rows are counted, not reported one by one").hasSize(3);
        assertThat(bad.get(0)).startsWith("line 3: 'cell' is not a whole number");
        assertThat(bad.get(1)).startsWith("line 4: position out of range");
        assertThat(bad.get(2)).startsWith("line 5: expected 14 columns");
        assertThat(result.skipped()).containsOnly(Map.entry(CellCsv.Skip.CDMA, 1L),
                Map.entry(CellCsv.Skip.MALFORMED, 2L), Map.entry(CellCsv.Skip.OUT_OF_RANGE, 1L));
        assertThat(result.malformed()).isEqualTo(2);
        assertThat(result.updated()).isEqualTo(1);
        assertThat(result.unchanged()).as("the GSM row is older than the stored cell").isEqualTo(1);
        CellStation lte = cells.findAll(List.of(new CellId(RadioType.LTE, 234, 10, 100, 5))).get(0);
        assertThat(lte.data().lat()).isEqualTo(51.6);
        assertThat(lte.psc()).as("kept when the file has none").isEqualTo(311);
    }

    /** Fields as CSV writers quote them (RFC 4180): read as the plain ones; an open quote costs only its line. */
    @Test
    void quoted_fields_are_read_and_a_broken_quote_is_a_bad_line() {
        Database db = TestDatabases.h2();
        MysqlCellStationStore cells = new MysqlCellStationStore(db, db);
        String file = String.join("\r\n", "\"radio\",\"mcc\",\"net\",\"area\",\"cell\",\"unit\",\"lon\",\"lat\","
                        + "\"range\",\"samples\",\"changeable\",\"created\",\"updated\",\"averageSignal\"",
                "\"LTE\",\"234\",\"10\",\"100\",\"5\",\"311\",\"-0.1\",\"51.5\",\"800\",\"7\",\"1\","
                        + "\"1700000000\",\"1750000002\",\"\"",
                "\"GSM\",262,2,812,\"1234,,13.4,52.5,1,1,1,0,0,",
                "GSM, 262, 2, 812, 1234, , 13.405, 52.52, 1500, 12, 1, 1700000000, 1750000000, ") + "\r\n";
        List<String> bad = new ArrayList<>();
        CellCsv.Result result = CellCsv.importFrom(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)),
                cells, TestRegions.some(), bad::add, n -> { });
        assertThat(bad).hasSize(1);
        assertThat(bad.get(0)).startsWith("line 3: not a CSV line");
        assertThat(result.inserted()).isEqualTo(2);
        CellStation lte = cells.findAll(List.of(new CellId(RadioType.LTE, 234, 10, 100, 5))).get(0);
        assertThat(lte.psc()).isEqualTo(311);
        assertThat(lte.data().lat()).isEqualTo(51.5);
        assertThat(cells.findAll(List.of(new CellId(RadioType.GSM, 262, 2, 812, 1234)))).hasSize(1);
    }

    @Test
    void a_cell_an_operator_blocked_stays_blocked_whatever_the_file_says() {
        Database db = TestDatabases.h2();
        MysqlCellStationStore cells = new MysqlCellStationStore(db, db);
        CellId lte = new CellId(RadioType.LTE, 234, 10, 100, 5);
        cells.saveAll(List.of(new CellStation(lte, null, org.ichnaea.core.station.StationData.blockedForGood(null,
                java.time.Instant.ofEpochSecond(1_700_000_000L)))));
        CellCsv.Result result = CellCsv.importFrom(new ByteArrayInputStream(ROWS.getBytes(StandardCharsets.UTF_8)),
                cells, TestRegions.some(), b -> { }, n -> { });
        assertThat(result.inserted()).isEqualTo(3);
        assertThat(result.unchanged()).isEqualTo(1);
        assertThat(result.areas()).doesNotContain(lte.area());
        CellStation stored = cells.findAll(List.of(lte)).get(0);
        assertThat(stored.data().hasPosition()).isFalse();
        assertThat(stored.data().isBlockedForGood()).isTrue();
    }
}
