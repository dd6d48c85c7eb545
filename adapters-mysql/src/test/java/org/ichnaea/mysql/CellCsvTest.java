package org.ichnaea.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ichnaea.core.radio.CellAreaId;
import org.ichnaea.core.radio.CellId;
import org.ichnaea.core.radio.RadioType;
import org.ichnaea.core.station.CellStation;
import org.ichnaea.core.testing.TestRegions;
import org.ichnaea.mysql.dump.CellCsv;
import org.junit.jupiter.api.Test;

/**
 * The MLS/OpenCelliD cell CSV (ichnaea-behaviour.md §5.10) on H2. Coordinates are written like Python's
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
        assertThat(bad).hasSize(4);
        assertThat(bad.get(0)).startsWith("line 2: unsupported radio 'CDMA'");
        assertThat(bad.get(1)).startsWith("line 3: 'cell' is not a whole number");
        assertThat(bad.get(2)).startsWith("line 4: position out of range");
        assertThat(bad.get(3)).startsWith("line 5: expected 14 columns");
        assertThat(result.updated()).isEqualTo(1);
        assertThat(result.unchanged()).as("the GSM row is older than the stored cell").isEqualTo(1);
        CellStation lte = cells.findAll(List.of(new CellId(RadioType.LTE, 234, 10, 100, 5))).get(0);
        assertThat(lte.data().lat()).isEqualTo(51.6);
        assertThat(lte.psc()).as("kept when the file has none").isEqualTo(311);
    }
}
