package org.ichnaea.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.ichnaea.core.apikey.ApiKey;
import org.ichnaea.core.apikey.ApiKeyStore;
import org.ichnaea.core.apikey.InMemoryApiKeyUsage;
import org.ichnaea.core.locate.Locator;
import org.ichnaea.core.radio.MacAddress;
import org.ichnaea.core.radio.MobileCountryCodes;
import org.ichnaea.core.station.MacStation;
import org.ichnaea.core.station.WifiStationStore;
import org.ichnaea.core.submit.SubmitService;
import org.ichnaea.http.IchnaeaWeb;
import org.ichnaea.http.WebSettings;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The application on the embedded default: H2 file, bundled GeoLite2, durable queue. */
class EmbeddedApplicationTest {

    @TempDir
    Path dataDir;

    private Settings settings() {
        return Settings.from(Map.of("ICHNAEA_DATA_DIR", dataDir.toString()));
    }

    /** Counts the calls reaching a real store. */
    static final class CountingKeys implements ApiKeyStore {
        final ApiKeyStore delegate;
        final AtomicInteger calls = new AtomicInteger();

        CountingKeys(ApiKeyStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public java.util.Optional<ApiKey> findByKey(String key) {
            calls.incrementAndGet();
            return delegate.findByKey(key);
        }

        @Override
        public List<ApiKey> findAll() {
            calls.incrementAndGet();
            return delegate.findAll();
        }

        @Override
        public void save(ApiKey key) {
            delegate.save(key);
        }

        @Override
        public boolean delete(String key) {
            return delegate.delete(key);
        }
    }

    /** Counts the calls reaching a real Wi-Fi store. */
    static final class CountingWifi extends org.ichnaea.core.station.ForwardingMacStationStore
            implements WifiStationStore {
        final AtomicInteger calls = new AtomicInteger();

        CountingWifi(WifiStationStore delegate) {
            super(delegate);
        }

        @Override
        public List<MacStation> findAll(Collection<MacAddress> macs) {
            calls.incrementAndGet();
            return super.findAll(macs);
        }
    }

    @Test
    void an_ip_only_locate_reads_no_database_table_once_its_key_is_cached() {
        try (Application app = Application.open(settings())) {
            app.keys.save(ApiKey.unlimited("k"));
            CountingKeys keys = new CountingKeys(app.keys);
            CountingWifi wifi = new CountingWifi(app.wifi);
            Locator locator = Locator.builder().wifiStations(wifi).blueStations(app.blue).cellStations(app.cells)
                    .cellAreas(app.areas).geoIp(app.geoIp()).regions(app.regions()).build();
            var web = IchnaeaWeb.create(new IchnaeaWeb.Services(new CachingApiKeyStore(keys), new InMemoryApiKeyUsage(),
                    locator.normalizer(), locator.positionSearcher(), locator.regionSearcher(),
                    new SubmitService(app.incoming, MobileCountryCodes.bundled(), () -> 0.0, Clock.systemUTC()),
                    Map.of(), Clock.systemUTC()), WebSettings.defaults());
            JavalinTest.test(web, (server, client) -> {
                for (int i = 0; i < 50; i++) {
                    Response r = client.request("/v1/geolocate?key=k", b -> b.post(HttpRequest.BodyPublishers
                            .ofString("{}")).header("X-Forwarded-For", "193.99.144.80"));
                    assertThat(r.body().string()).isEqualTo(
                            "{\"location\":{\"lat\":54.0679,\"lng\":12.1186},\"accuracy\":5000.0}");
                }
            });
            assertThat(keys.calls).as("one key lookup, then the cache").hasValue(1);
            assertThat(wifi.calls).as("no station table read").hasValue(0);
        }
    }

    @Test
    void the_embedded_database_is_synced_every_second_while_open_and_the_syncer_stops_before_it_closes() {
        long before = syncers();
        try (Application app = Application.open(settings())) {
            assertThat(syncers()).isEqualTo(before + 1);
        }
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> syncers() == before);
    }

    private static long syncers() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("h2-sync")).count();
    }

    @Test
    void the_heartbeat_reports_the_geoip_build_and_age_like_ichnaea() {
        try (Application app = Application.open(Settings.from(Map.of("ICHNAEA_DATA_DIR", dataDir.toString(),
                "GEOIP_MAX_AGE_DAYS", "0")))) {
            JavalinTest.test(app.web(Clock.systemUTC()), (server, client) -> {
                Response heartbeat = client.get("/__heartbeat__");
                assertThat(heartbeat.code()).isEqualTo(200);
                assertThat(heartbeat.body().string()).containsPattern(
                        "\"geoip\":\\{\"up\":true,\"time\":\\d+,\"age_in_days\":\\d+,\"version\":\"2019-11-12T21:11:29Z\"}");
            });
        }
    }

    @Test
    void the_heartbeat_warns_but_stays_up_when_the_geoip_database_is_older_than_geoip_max_age_days() {
        // The bundled file was built 2019-11-12: far older than the default 60 days.
        try (Application app = Application.open(settings())) {
            JavalinTest.test(app.web(Clock.systemUTC()), (server, client) -> {
                Response heartbeat = client.get("/__heartbeat__");
                assertThat(heartbeat.code()).isEqualTo(200);
                assertThat(heartbeat.body().string()).containsPattern("\"geoip\":\\{\"up\":true,\"time\":\\d+,"
                        + "\"age_in_days\":\\d+,\"version\":\"2019-11-12T21:11:29Z\",\"warning\":\"GeoIP database "
                        + "built \\d+ days ago, more than GEOIP_MAX_AGE_DAYS=60: see docs/geoip.md for a current one\"}");
            });
        }
        // A clock a day after the build: young enough, no warning.
        Clock dayAfter = Clock.fixed(java.time.Instant.parse("2019-11-13T21:11:29Z"), java.time.ZoneOffset.UTC);
        try (Application app = Application.open(settings())) {
            assertThat(Heartbeat.geoIp(app.geoIp(), dayAfter, 60).extra())
                    .containsEntry("age_in_days", 1L).doesNotContainKey("warning");
            assertThat(Heartbeat.geoIp(app.geoIp(), Clock.systemUTC(), 0).extra())
                    .as("0: never warn").doesNotContainKey("warning");
        }
    }

    @Test
    void submissions_survive_a_restart() {
        try (Application app = Application.open(settings())) {
            JavalinTest.test(app.web(Clock.systemUTC()), (server, client) -> {
                Response r = client.post("/v2/geosubmit", "{\"items\":[{\"position\":{\"latitude\":52.5,"
                        + "\"longitude\":13.4},\"wifiAccessPoints\":[{\"macAddress\":\"01:02:03:04:05:06\"}]}]}");
                assertThat(r.code()).isEqualTo(200);
            });
        }
        try (Application reopened = Application.open(settings())) {
            var items = reopened.incoming.dequeue(10);
            assertThat(items).singleElement().satisfies(item -> {
                assertThat(item.report().position().lat()).isEqualTo(52.5);
                assertThat(item.report().wifis()).singleElement()
                        .satisfies(w -> assertThat(w.mac().hex()).isEqualTo("010203040506"));
            });
        }
        assertThat(Files.exists(dataDir.resolve("ichnaea.mv.db"))).isTrue();
        assertThat(Files.exists(dataDir.resolve("geoip/GeoLite2-City-20191119.mmdb"))).isTrue();
    }

    @Test
    void reports_fanned_out_but_not_yet_applied_survive_a_restart() {
        String item = "{\"position\":{\"latitude\":%s,\"longitude\":13.40,\"accuracy\":5},"
                + "\"wifiAccessPoints\":[{\"macAddress\":\"d7:d7:d7:00:00:01\",\"signalStrength\":-60},"
                + "{\"macAddress\":\"d7:d7:d7:00:00:02\",\"signalStrength\":-65}]}";
        try (Application app = Application.open(settings())) {
            JavalinTest.test(app.web(Clock.systemUTC()), (server, client) -> assertThat(client.post("/v2/geosubmit",
                    "{\"items\":[" + String.format(item, "52.5200") + "," + String.format(item, "52.5202") + "]}")
                    .code()).isEqualTo(200));
            // update_incoming moved them to the internal export's queue; the process stops before applying them.
            assertThat(app.pipeline(Clock.systemUTC()).fanOut()).isEqualTo(2);
            assertThat(app.incoming.size()).isZero();
        }
        try (Application reopened = Application.open(settings())) {
            org.ichnaea.core.export.ExportConfig internal = reopened.exportConfigs.findAll().get(0);
            assertThat(reopened.queue(internal.queueName()).size()).as("durable in the embedded database")
                    .isEqualTo(2);
            org.ichnaea.core.pipeline.Pipeline.Result result = reopened.pipeline(Clock.systemUTC()).drain();
            assertThat(result.reports()).isEqualTo(2);
            assertThat(reopened.wifi.count()).isEqualTo(2);
        }
    }

    @Test
    void after_an_unclean_stop_the_last_applied_reports_are_applied_again_once_and_a_clean_stop_replays_nothing()
            throws Exception {
        String item = "{\"position\":{\"latitude\":52.52,\"longitude\":13.40,\"accuracy\":5},"
                + "\"wifiAccessPoints\":[{\"macAddress\":\"d8:d8:d8:00:00:0%d\",\"signalStrength\":-60}]}";
        try (Application app = Application.open(settings())) {
            JavalinTest.test(app.web(Clock.systemUTC()), (server, client) -> assertThat(client.post("/v2/geosubmit",
                    "{\"items\":[" + String.format(item, 1) + "," + String.format(item, 2) + "]}").code())
                    .isEqualTo(200));
            assertThat(app.pipeline(Clock.systemUTC()).drain().reports()).isEqualTo(2);
            assertThat(app.wifi.count()).isEqualTo(2);
        }
        try (Application app = Application.open(settings())) {
            assertThat(app.replayAfterUncleanStop()).as("after a clean stop").isZero();
            // What H2 does to a kill -9 that came right after a batch: the batch's stations and ledger rows are gone,
            // and the process that had the database open left its marker.
            app.writes.jdbi().useHandle(h -> {
                for (int shard = 0; shard < 16; shard++) {
                    h.execute("DELETE FROM wifi_shard_" + Integer.toHexString(shard));
                }
                h.execute("DELETE FROM applied_report");
            });
            Files.writeString(dataDir.resolve("processes").resolve("killed"),
                    org.ichnaea.core.queue.QueueOwner.deadForTests());
            assertThat(app.wifi.count()).isZero();
        }
        try (Application app = Application.open(settings())) {
            org.ichnaea.core.export.ExportConfig internal = app.exportConfigs.findAll().get(0);
            assertThat(app.queue(internal.queueName()).size()).as("replayed when the database was opened")
                    .isEqualTo(2);
            org.ichnaea.core.pipeline.Pipeline.Result result = app.pipeline(Clock.systemUTC()).drain();
            assertThat(result.reports()).isEqualTo(2);
            assertThat(app.wifi.count()).isEqualTo(2);
            assertThat(app.replayAfterUncleanStop()).as("each unclean stop replays once").isZero();
            // A second replay of reports the ledger has: applied once all the same.
            Files.writeString(dataDir.resolve("processes").resolve("killed-again"),
                    org.ichnaea.core.queue.QueueOwner.deadForTests());
            assertThat(app.replayAfterUncleanStop()).isEqualTo(2);
            app.pipeline(Clock.systemUTC()).drain();
            app.wifi.forEach(station -> assertThat(station.data().samples()).isEqualTo(1L));
        }
    }

    @Test
    void geosubmit_then_process_then_geolocate_finds_the_new_stations() {
        Map<String, String> env = Map.of("ICHNAEA_DATA_DIR", dataDir.toString());
        try (Application app = Application.open(settings())) {
            app.keys.save(ApiKey.unlimited("k"));
            JavalinTest.test(app.web(Clock.systemUTC()), (server, client) -> {
                String item = "{\"position\":{\"latitude\":%s,\"longitude\":13.40,\"accuracy\":5},"
                        + "\"wifiAccessPoints\":[{\"macAddress\":\"d5:d5:d5:00:00:01\",\"signalStrength\":-60},"
                        + "{\"macAddress\":\"d5:d5:d5:00:00:02\",\"signalStrength\":-65}]}";
                Response r = client.post("/v2/geosubmit", "{\"items\":[" + String.format(item, "52.5200") + ","
                        + String.format(item, "52.5202") + "]}");
                assertThat(r.code()).isEqualTo(200);
                String query = "{\"considerIp\":false,\"wifiAccessPoints\":[{\"macAddress\":\"d5:d5:d5:00:00:01\"},"
                        + "{\"macAddress\":\"d5:d5:d5:00:00:02\"}]}";
                assertThat(client.post("/v1/geolocate?key=k", query).code()).as("not learned yet").isEqualTo(404);

                assertThat(Main.run(new String[] {"process"}, env)).as("process, while the server runs").isZero();

                Response located = client.post("/v1/geolocate?key=k", query);
                assertThat(located.code()).isEqualTo(200);
                assertThat(located.body().string()).startsWith("{\"location\":{\"lat\":52.520");
            });
            // process also moved the day's counts into the stat table, recounted the regions and drew the map.
            java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
            assertThat(app.stats.latest(org.ichnaea.core.stats.StatKey.WIFI, today)).hasValue(4);
            assertThat(app.stats.latest(org.ichnaea.core.stats.StatKey.UNIQUE_WIFI, today)).hasValue(2);
            assertThat(app.regionStats.findAll()).singleElement().satisfies(r -> {
                assertThat(r.region()).isEqualTo("DE");
                assertThat(r.wifi()).isEqualTo(2);
            });
            assertThat(app.datamap.count()).isEqualTo(1);
            assertThat(dataDir.resolve("tiles/0/0/0.png")).exists();
            assertThat(dataDir.resolve("tiles/11/1100/671.png")).as("Berlin at zoom 11").exists();
        }
    }

    @Test
    void process_with_four_shard_threads_applies_every_shard_once() {
        Map<String, String> env = Map.of("ICHNAEA_DATA_DIR", dataDir.toString(),
                "ICHNAEA_PIPELINE_SHARD_THREADS", "4");
        StringBuilder wifis = new StringBuilder();
        for (int shard = 0; shard < 16; shard++) {
            // The fifth hex digit of a MAC names its shard: one network in each of the 16.
            wifis.append(shard == 0 ? "" : ",").append(String.format(
                    "{\"macAddress\":\"d5:d5:%x5:00:00:01\",\"signalStrength\":-60}", shard));
        }
        String item = "{\"position\":{\"latitude\":%s,\"longitude\":13.40,\"accuracy\":5},"
                + "\"wifiAccessPoints\":[" + wifis + "]}";
        try (Application app = Application.open(settings())) {
            JavalinTest.test(app.web(Clock.systemUTC()), (server, client) -> {
                assertThat(client.post("/v2/geosubmit", "{\"items\":[" + String.format(item, "52.5200") + ","
                        + String.format(item, "52.5202") + "]}").code()).isEqualTo(200);
            });
            assertThat(Main.run(new String[] {"process"}, env)).isZero();
            assertThat(Main.run(new String[] {"process"}, env)).as("nothing left, nothing applied twice").isZero();

            assertThat(app.wifi.count()).isEqualTo(16);
            app.wifi.forEach(station -> assertThat(station.data().samples()).as(station.mac().toString())
                    .isEqualTo(2));
            java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
            assertThat(app.stats.latest(org.ichnaea.core.stats.StatKey.WIFI, today)).hasValue(32);
            assertThat(app.stats.latest(org.ichnaea.core.stats.StatKey.UNIQUE_WIFI, today)).hasValue(16);
        }
    }

    @Test
    void the_cli_manages_export_configurations_and_a_file_export_receives_the_reports() throws Exception {
        Map<String, String> env = Map.of("ICHNAEA_DATA_DIR", dataDir.toString());
        Path archive = dataDir.resolve("archive");
        assertThat(Main.run(new String[] {"exportconfig", "create", "archive", "--schema", "file", "--url",
            archive.toString(), "--skip-sources", "query"}, env)).isZero();
        assertThat(Main.run(new String[] {"exportconfig", "create", "bad", "--schema", "s3"}, env)).isEqualTo(1);
        assertThat(Main.run(new String[] {"exportconfig", "create", "mine", "--schema", "internal"}, env))
                .as("one internal export at most").isEqualTo(1);
        assertThat(Main.run(new String[] {"exportconfig", "create", "up", "--schema", "geosubmit"}, env))
                .as("a geosubmit export needs a url").isEqualTo(1);
        try (Application app = Application.open(settings())) {
            assertThat(app.exportConfigs.findAll()).extracting(org.ichnaea.core.export.ExportConfig::name)
                    .containsExactly("archive", "internal");
            app.keys.save(ApiKey.unlimited("k"));
            JavalinTest.test(app.web(Clock.systemUTC()), (server, client) -> {
                assertThat(client.post("/v2/geosubmit?key=k", "{\"items\":[{\"position\":{\"latitude\":52.52,"
                        + "\"longitude\":13.40},\"wifiAccessPoints\":[{\"macAddress\":\"d6:d6:d6:00:00:01\"}]}]}")
                        .code()).isEqualTo(200);
            });
        }
        assertThat(Main.run(new String[] {"process"}, env)).isZero();
        try (java.util.stream.Stream<Path> files = Files.walk(archive)) {
            assertThat(files.filter(Files::isRegularFile).map(p -> archive.relativize(p).toString()))
                    .singleElement().asString().matches("gnss/k/\\d{4}/\\d{2}/\\d{2}/[0-9a-f]{32}\\.json\\.gz");
        }
        assertThat(Main.run(new String[] {"exportconfig", "delete", "archive"}, env)).isZero();
        assertThat(Main.run(new String[] {"exportconfig", "delete", "archive"}, env)).isEqualTo(1);
    }

    @Test
    void the_cli_imports_cell_csv_computes_areas_and_writes_the_public_exports() throws Exception {
        Map<String, String> env = Map.of("ICHNAEA_DATA_DIR", dataDir.toString());
        long recent = java.time.Instant.now().minusSeconds(3600).getEpochSecond();
        Path csv = dataDir.resolve("cells.csv");
        Files.writeString(csv, org.ichnaea.app.files.CellCsv.HEADER + "\n"
                + "LTE,262,2,812,1,,13.40,52.50,1000,5,1,1700000000," + recent + ",\n"
                + "LTE,262,2,812,2,,13.44,52.52,2000,5,1,1700000000," + recent + ",\n"
                + "LTE,262,2,812,oops,,13.44,52.52,2000,5,1,1700000000," + recent + ",\n");
        assertThat(Main.run(new String[] {"import", "cells", csv.toString()}, env)).as("one bad line").isEqualTo(1);
        try (Application app = Application.open(settings())) {
            assertThat(app.cells.count()).isEqualTo(2);
            var area = app.areas.findAll(List.of(new org.ichnaea.core.radio.CellAreaId(
                    org.ichnaea.core.radio.RadioType.LTE, 262, 2, 812)));
            assertThat(area).singleElement().satisfies(a -> {
                assertThat(a.numCells()).isEqualTo(2);
                assertThat(a.region()).isEqualTo("DE");
            });
        }
        Path exports = dataDir.resolve("export");
        assertThat(Main.run(new String[] {"export", "cells", "--full", exports.toString()}, env)).isZero();
        try (var files = Files.list(exports)) {
            Path full = files.filter(f -> f.getFileName().toString().startsWith("MLS-full-cell-export-"))
                    .findFirst().orElseThrow();
            assertThat(full.getFileName().toString()).matches("MLS-full-cell-export-\\d{4}-\\d{2}-\\d{2}T000000\\.csv\\.gz");
            try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(full))) {
                String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                assertThat(text.split("\r\n")).hasSize(3).contains("LTE,262,2,812,1,,13.4,52.5,1000,5,1,1700000000,"
                        + recent + ",");
            }
        }
        assertThat(Main.run(new String[] {"export", "cells", "--diff", exports.toString()}, env)).isZero();
        assertThat(Main.run(new String[] {"export", "cells", exports.toString()}, env)).as("--full or --diff")
                .isNotZero();
    }

    @Test
    void the_cli_creates_keys_imports_and_exports_stations() throws Exception {
        Map<String, String> env = Map.of("ICHNAEA_DATA_DIR", dataDir.toString());
        assertThat(Main.run(new String[] {"apikey", "create", "geoclue_debian", "--maxreq", "0"}, env)).isZero();
        assertThat(Main.run(new String[] {"apikey", "create", "bad key"}, env)).isEqualTo(1);
        Path file = dataDir.resolve("in.jsonl");
        Files.writeString(file, "{\"kind\":\"wifi\",\"mac\":\"aabbcc001122\",\"lat\":52.52,\"lon\":13.405}\n"
                + "{\"kind\":\"cell\",\"radio\":\"lte\",\"mcc\":262,\"mnc\":2,\"lac\":812,\"cid\":1,\"lat\":52.5,"
                + "\"lon\":13.4,\"radius\":1000}\n");
        assertThat(Main.run(new String[] {"import", "stations", file.toString()}, env)).isZero();
        Path bad = dataDir.resolve("bad.jsonl");
        Files.writeString(bad, "{\"kind\":\"wifi\",\"mac\":\"aabbcc001133\"}\n{\"kind\":\"wifi\"}\n");
        assertThat(Main.run(new String[] {"import", "stations", bad.toString()}, env)).isEqualTo(1);
        Path out = dataDir.resolve("out.jsonl.gz");
        assertThat(Main.run(new String[] {"export", "stations", out.toString()}, env)).isZero();
        try (Application app = Application.open(settings())) {
            assertThat(app.keys.findByKey("geoclue_debian")).hasValueSatisfying(k -> assertThat(k.maxreq()).isZero());
            assertThat(app.wifi.count()).isEqualTo(2);
            assertThat(app.cells.count()).isEqualTo(1);
        }
        assertThat(Files.size(out)).isGreaterThan(20);
    }
}
