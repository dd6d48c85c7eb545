package org.ichnaea.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.ichnaea.core.radio.CellId;
import org.ichnaea.core.radio.RadioType;
import org.ichnaea.app.files.CellCsv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code import cells} of an OpenCelliD-format file (issue 15, item 3): CDMA rows skipped and counted with exit 0, a
 * GSM row with a cell id above 65535 stored as WCDMA as queries look for it, counts per radio and per skip reason,
 * progress lines on stderr, and every imported cell found by a geolocate query.
 */
class CellImportTest {

    @TempDir
    Path dataDir;

    @Test
    void an_opencellid_file_imports_with_exit_0_counts_and_progress_and_every_cell_is_found() throws IOException {
        Map<String, String> env = Map.of("ICHNAEA_DATA_DIR", dataDir.toString());
        long recent = Instant.now().minusSeconds(86_400).getEpochSecond();
        StringBuilder file = new StringBuilder(CellCsv.HEADER).append('\n');
        String[] cells = {
            "GSM,262,2,812,1234,,13.405,52.52,1000,12,1,1700000000,%d,",
            "GSM,262,2,812,70001,,13.30,52.45,1000,12,1,1700000000,%d,",
            "UMTS,262,2,812,31234567,400,13.50,52.55,1000,3,1,1700000000,%d,",
            "LTE,234,10,100,5,311,-0.1,51.5,1000,7,1,1700000000,%d,",
            "NR,244,5,123456,51234567890,1007,24.94,60.17,1000,2,1,1700000000,%d,"};
        for (String cell : cells) {
            file.append(String.format(cell, recent)).append('\n');
        }
        for (int i = 1; i <= 10_000; i++) {
            // OpenCelliD's CDMA rows: SID as net, NID as area, BID as cell.
            file.append("CDMA,310,4,").append(i % 50 + 1).append(',').append(i).append(",,-87.6,41.9,1000,1,1,")
                    .append("1700000000,").append(recent).append(",\n");
        }
        Path csv = dataDir.resolve("cell_towers.csv");
        Files.writeString(csv, file);

        CliRun run = CliRun.run(env, "import", "cells", csv.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("10,006 lines: 5 cells read (GSM 1, UMTS 2 (1 GSM with cell id > 65535), "
                + "LTE 1, NR 1): 5 inserted, 0 updated, 0 unchanged; skipped: 10,000 CDMA, 0 out of range, "
                + "0 malformed; 4 areas recomputed");
        assertThat(run.err()).as("one progress line: the first, at line 10,000")
                .contains("import cells: 10,000 lines read").doesNotContain("CDMA");

        try (Application app = Application.open(Settings.from(env))) {
            assertThat(app.cells.findAll(List.of(new CellId(RadioType.WCDMA, 262, 2, 812, 70001)))).hasSize(1);
            assertThat(app.cells.findAll(List.of(new CellId(RadioType.GSM, 262, 2, 812, 70001)))).isEmpty();
            app.keys.save(org.ichnaea.core.apikey.ApiKey.unlimited("k"));
            JavalinTest.test(app.web(Clock.systemUTC()), (server, client) -> {
                // As a phone reports each cell: the GSM cell with the large id still says "gsm".
                assertFound(client, "gsm", 262, 2, 812, 1234L, 52.52, 13.405);
                assertFound(client, "gsm", 262, 2, 812, 70001L, 52.45, 13.30);
                assertFound(client, "wcdma", 262, 2, 812, 31234567L, 52.55, 13.50);
                assertFound(client, "lte", 234, 10, 100, 5L, 51.5, -0.1);
                assertFound(client, "nr", 244, 5, 123456, 51234567890L, 60.17, 24.94);
            });
        }
    }

    private static void assertFound(io.javalin.testtools.HttpClient client, String radio, int mcc, int mnc, int lac,
                                    long cid, double lat, double lon) {
        String query = String.format(java.util.Locale.ROOT, "{\"considerIp\":false,\"fallbacks\":{\"lacf\":false},"
                + "\"cellTowers\":[{\"radioType\":\"%s\",\"mobileCountryCode\":%d,\"mobileNetworkCode\":%d,"
                + "\"locationAreaCode\":%d,\"cellId\":%d}]}", radio, mcc, mnc, lac, cid);
        Response r = client.post("/v1/geolocate?key=k", query);
        String body = r.body().string();
        assertThat(r.code()).as(radio + " cell " + cid + ": " + body).isEqualTo(200);
        assertThat(body).as(radio + " cell " + cid).startsWith(String.format(java.util.Locale.ROOT,
                "{\"location\":{\"lat\":%s", trim(lat))).contains(String.format(java.util.Locale.ROOT, "\"lng\":%s",
                trim(lon)));
    }

    /** The coordinate's first decimals, as the answer starts with them. */
    private static String trim(double value) {
        String text = Double.toString(value);
        return text.length() > 5 ? text.substring(0, 5) : text;
    }
}
