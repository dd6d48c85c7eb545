package org.ichnaea.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ichnaea.core.StoreUnavailableException;
import org.ichnaea.core.apikey.ApiKey;
import org.ichnaea.core.apikey.ApiKeyStore;
import org.ichnaea.core.queue.DataQueue;
import org.ichnaea.core.radio.RadioType;
import org.ichnaea.core.station.StationSource;
import org.ichnaea.core.submit.IncomingReport;
import org.junit.jupiter.api.Test;

/**
 * The submit APIs (docs/api.md "/v2/geosubmit", "/v1/geosubmit", "/v1/submit"), the region API (docs/api.md
 * "/v1/country and /v1/region") and the monitoring endpoints (docs/api.md "/__heartbeat__").
 */
class SubmitAndMonitoringApiTest {

    private final TestWeb web = new TestWeb();

    private static Response post(io.javalin.testtools.HttpClient client, String path, String body) {
        return client.request(path, b -> b.post(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json"));
    }

    private List<IncomingReport> queued() {
        return web.incoming.dequeue(1000);
    }

    @Test
    void geosubmit_v2_answers_200_empty_object_and_queues_the_report() {
        JavalinTest.test(web.app(), (server, client) -> {
            Response r = post(client, "/v2/geosubmit?key=geoclue_debian", "{\"items\":[{\"timestamp\":1714554000000,"
                    + "\"position\":{\"latitude\":60.17,\"longitude\":24.94,\"accuracy\":8.0,\"altitude\":20.5,"
                    + "\"speed\":1.2,\"source\":\"gps\"},\"wifiAccessPoints\":[{\"macAddress\":\"aa:bb:cc:00:11:22\","
                    + "\"ssid\":\"HomeNet\",\"signalStrength\":-61,\"frequency\":2437,\"age\":1000},"
                    + "{\"macAddress\":\"aa:bb:cc:00:11:33\",\"ssid\":\"Home_nomap\"}],"
                    + "\"cellTowers\":[{\"radioType\":\"nr\",\"mobileCountryCode\":244,\"mobileNetworkCode\":5,"
                    + "\"locationAreaCode\":123456,\"newRadioCellId\":68719476735,\"psc\":1007}]}]}");
            assertThat(r.code()).isEqualTo(200);
            assertThat(r.body().string()).isEqualTo("{}");
            assertThat(r.headers().get("Access-Control-Allow-Origin")).containsExactly("*");
        });
        List<IncomingReport> items = queued();
        assertThat(items).singleElement().satisfies(item -> {
            assertThat(item.apiKey()).isEqualTo("geoclue_debian");
            assertThat(item.source()).isEqualTo(StationSource.GNSS);
            assertThat(item.report().timestamp()).isEqualTo(1714554000000L);
            assertThat(item.report().position().lat()).isEqualTo(60.17);
            assertThat(item.report().position().source()).as("\"gps\" is not a source").isNull();
            assertThat(item.report().wifis()).as("the _nomap network is never stored").singleElement()
                    .satisfies(w -> assertThat(w.channel()).isEqualTo(6));
            assertThat(item.report().cells()).singleElement().satisfies(c -> {
                assertThat(c.radio()).isEqualTo(RadioType.NR);
                assertThat(c.cid()).isEqualTo(68_719_476_735L);
            });
        });
    }

    /** GeoClue 2.6's body (src/gclue-mozilla.c, gclue_mozilla_create_submit_query), as Debian bookworm posts it. */
    static final String GEOCLUE_2_6 = "{\"items\":[{\"lat\":52.520000000000003,\"lon\":13.404999999999999,"
            + "\"accuracy\":25.0,\"altitude\":40.0,\"time\":\"2024-05-01T14:03:27+02\",\"radioType\":\"gsm\","
            + "\"wifi\":[{\"key\":\"b0:b0:b0:00:00:01\",\"signal\":-60,\"frequency\":2412},"
            + "{\"key\":\"b0:b0:b0:00:00:02\",\"signal\":-71,\"frequency\":5180}],"
            + "\"cell\":[{\"radio\":\"gsm\",\"cid\":12345678,\"mcc\":262,\"mnc\":2,\"lac\":812}]}]}";

    @Test
    void old_submit_items_from_geoclue_are_read_at_both_geosubmit_apis_and_counted() {
        JavalinTest.test(web.app(), (server, client) -> {
            Response v2 = post(client, "/v2/geosubmit?key=geoclue_debian", GEOCLUE_2_6);
            assertThat(v2.code()).isEqualTo(200);
            assertThat(v2.body().string()).isEqualTo("{}");
            assertThat(post(client, "/v1/geosubmit", GEOCLUE_2_6).code()).isEqualTo(200);
            assertThat(post(client, "/v2/geosubmit", "{\"items\":[{\"latitude\":52.5,\"longitude\":13.4,"
                    + "\"lat\":1,\"wifi\":[],\"wifiAccessPoints\":[{\"macAddress\":\"b0:b0:b0:00:00:03\"}]}]}")
                    .code()).as("a v1 geosubmit item is not an old item").isEqualTo(200);
            String metrics = client.get("/__metrics__").body().string();
            assertThat(metrics).contains("submit_v0_items_total{api=\"v2.geosubmit\"} 1.0",
                    "submit_v0_items_total{api=\"v1.geosubmit\"} 1.0");
        });
        List<IncomingReport> items = queued();
        assertThat(items).hasSize(3);
        for (IncomingReport item : items.subList(0, 2)) {
            assertThat(item.report().position().lat()).isEqualTo(52.52, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(item.report().position().accuracy()).isEqualTo(25.0);
            assertThat(item.report().timestamp()).as("GeoClue's hour-only offset")
                    .isEqualTo(java.time.Instant.parse("2024-05-01T12:03:27Z").toEpochMilli());
            assertThat(item.report().wifis()).extracting(w -> w.mac().hex())
                    .containsExactly("b0b0b0000001", "b0b0b0000002");
            assertThat(item.report().wifis().get(1).frequency()).isEqualTo(5180);
            assertThat(item.report().cells()).singleElement().satisfies(c -> {
                assertThat(c.radio()).as("a GSM cell id above 65535 is WCDMA").isEqualTo(RadioType.WCDMA);
                assertThat(c.cid()).isEqualTo(12_345_678L);
                assertThat(c.lac()).isEqualTo(812);
            });
        }
        assertThat(items.get(0).apiKey()).isEqualTo("geoclue_debian");
        assertThat(items.get(2).report().position().lat()).isEqualTo(52.5);
        assertThat(items.get(2).report().wifis()).singleElement()
                .satisfies(w -> assertThat(w.mac().hex()).isEqualTo("b0b0b0000003"));
    }

    @Test
    void submissions_need_no_key_and_an_unknown_key_submits_anonymously() {
        JavalinTest.test(web.app(), (server, client) -> {
            String item = "{\"items\":[{\"position\":{\"latitude\":1,\"longitude\":2},\"bluetoothBeacons\":"
                    + "[{\"macAddress\":\"01:23:45:67:89:ab\"}]}]}";
            assertThat(post(client, "/v2/geosubmit", item).code()).isEqualTo(200);
            assertThat(post(client, "/v2/geosubmit?key=unknown", item).code()).isEqualTo(200);
        });
        assertThat(queued()).extracting(IncomingReport::apiKey).containsExactly(null, null);
    }

    @Test
    void empty_and_malformed_submissions_are_parse_errors_and_empty_lists_succeed() {
        JavalinTest.test(web.app(), (server, client) -> {
            Response empty = post(client, "/v2/geosubmit", "");
            assertThat(empty.code()).isEqualTo(400);
            assertThat(empty.body().string()).isEqualTo("{\"error\":{\"errors\":[{\"domain\":\"global\",\"reason\":"
                    + "\"parseError\",\"message\":\"Parse Error\"}],\"code\":400,\"message\":\"Parse Error\"}}");
            Response noItems = post(client, "/v2/geosubmit", "{}");
            assertThat(noItems.body().string()).endsWith(",\"details\":{\"validation\":{\"items\":\"Required\"}}}");
            assertThat(post(client, "/v2/geosubmit", "{\"items\":[]}").body().string()).isEqualTo("{}");
            assertThat(post(client, "/v2/geosubmit", "{\"items\":[{\"wifiAccessPoints\":[{\"ssid\":\"x\"}]}]}")
                    .code()).isEqualTo(200);
        });
        assertThat(queued()).isEmpty();
    }

    @Test
    void geosubmit_v1_takes_flat_items_and_v0_answers_204_without_content_type() {
        JavalinTest.test(web.app(), (server, client) -> {
            Response v1 = post(client, "/v1/geosubmit", "{\"items\":[{\"latitude\":51.5,\"longitude\":-0.1,"
                    + "\"accuracy\":10,\"cellTowers\":[{\"radioType\":\"gsm\",\"mobileCountryCode\":234,"
                    + "\"mobileNetworkCode\":10,\"locationAreaCode\":1,\"cellId\":2,\"psc\":3}]}]}");
            assertThat(v1.body().string()).isEqualTo("{}");
            Response v0 = post(client, "/v1/submit", "{\"items\":[{\"lat\":60.17,\"lon\":24.94,\"accuracy\":8.0,"
                    + "\"time\":\"2024-05-01T12:00:00+03:00\",\"radioType\":\"gsm\","
                    + "\"wifi\":[{\"key\":\"aa:bb:cc:00:11:22\",\"signal\":-61,\"frequency\":2437}],"
                    + "\"cell\":[{\"radio\":\"gsm\",\"cid\":1234,\"mcc\":244,\"mnc\":5,\"lac\":4100}]}]}");
            assertThat(v0.code()).isEqualTo(204);
            assertThat(v0.body().string()).isEmpty();
            assertThat(v0.headers().get("Content-Type")).isNullOrEmpty();
        });
        List<IncomingReport> items = queued();
        assertThat(items).hasSize(2);
        assertThat(items.get(0).report().position().lat()).isEqualTo(51.5);
        assertThat(items.get(1).report().timestamp()).isEqualTo(1714554000000L);
        assertThat(items.get(1).report().wifis()).singleElement().satisfies(w -> assertThat(w.signal()).isEqualTo(-61));
    }

    @Test
    void keys_that_a_down_key_store_cannot_check_share_one_metric_label() {
        web.keyStore = new ApiKeyStore() {
            @Override
            public Optional<ApiKey> findByKey(String key) {
                throw new StoreUnavailableException("database down");
            }

            @Override
            public List<ApiKey> findAll() {
                throw new StoreUnavailableException("database down");
            }

            @Override
            public void save(ApiKey key) {
                throw new StoreUnavailableException("database down");
            }

            @Override
            public boolean delete(String key) {
                throw new StoreUnavailableException("database down");
            }
        };
        JavalinTest.test(web.app(), (server, client) -> {
            for (int i = 0; i < 5; i++) {
                String key = "madeup" + i;
                Response r = client.request("/v1/geolocate?key=" + key, b -> b.post(
                        HttpRequest.BodyPublishers.ofString("{}")).header("X-Forwarded-For", "81.2.69.160"));
                // Let through, as a key store that is down does.
                assertThat(r.code()).isEqualTo(200);
            }
            String text = client.get("/__metrics__").body().string();
            assertThat(text).contains("api_key_requests_total{api=\"v1.geolocate\",key=\"unchecked\"} 5.0");
            assertThat(text).doesNotContain("key=\"ma…");
        });
    }

    @Test
    void a_queue_that_is_down_answers_503_so_clients_keep_their_data() {
        web.incoming = new DataQueue<>() {
            @Override
            public void enqueue(List<IncomingReport> items) {
                throw new StoreUnavailableException("redis down");
            }

            @Override
            public List<IncomingReport> dequeue(int max) {
                throw new StoreUnavailableException("redis down");
            }

            @Override
            public long size() {
                throw new StoreUnavailableException("redis down");
            }

            @Override
            public Claim<IncomingReport> claim(int max) {
                throw new StoreUnavailableException("redis down");
            }

            @Override
            public long recover() {
                throw new StoreUnavailableException("redis down");
            }
        };
        JavalinTest.test(web.app(), (server, client) -> {
            Response r = post(client, "/v2/geosubmit", "{\"items\":[{\"position\":{\"latitude\":1,\"longitude\":2},"
                    + "\"bluetoothBeacons\":[{\"macAddress\":\"01:23:45:67:89:ab\"}]}]}");
            assertThat(r.code()).isEqualTo(503);
            assertThat(r.body().string()).isEqualTo("{\"error\":{\"errors\":[{\"domain\":\"global\",\"reason\":"
                    + "\"serviceUnavailable\",\"message\":\"Service Unavailable\"}],\"code\":503,"
                    + "\"message\":\"Service Unavailable\"}}");
        });
    }

    @Test
    void region_and_its_alias_answer_the_same() {
        JavalinTest.test(web.app(), (server, client) -> {
            for (String path : List.of("/v1/country?key=test", "/v1/region?key=test")) {
                Response r = client.request(path, b -> b.post(HttpRequest.BodyPublishers.ofString("{}"))
                        .header("X-Forwarded-For", "81.2.69.160"));
                assertThat(r.body().string()).as(path)
                        .isEqualTo("{\"country_code\":\"GB\",\"country_name\":\"United Kingdom\"}");
            }
            Response mcc = post(client, "/v1/country?key=test", "{\"cellTowers\":[{\"radioType\":\"gsm\","
                    + "\"mobileCountryCode\":262,\"mobileNetworkCode\":1,\"locationAreaCode\":1,\"cellId\":1}]}");
            assertThat(mcc.body().string()).isEqualTo("{\"country_code\":\"DE\",\"country_name\":\"Germany\"}");
            assertThat(post(client, "/v1/country?key=nolocate", "{}").code()).isEqualTo(400);
        });
    }

    @Test
    void monitoring_endpoints_answer_without_cors() {
        web.checks.put("geoip", () -> HealthCheck.Health.up(Map.of("age_in_days", 3)));
        JavalinTest.test(web.app(), (server, client) -> {
            Response lb = client.get("/__lbheartbeat__");
            assertThat(lb.body().string()).isEqualTo("{\"status\":\"OK\"}");
            assertThat(lb.headers().get("Access-Control-Allow-Origin")).isNullOrEmpty();
            Response hb = client.get("/__heartbeat__");
            assertThat(hb.code()).isEqualTo(200);
            assertThat(hb.body().string()).matches("\\{\"database\":\\{\"up\":true,\"time\":\\d+,"
                    + "\"alembic_version\":\"1\"},\"geoip\":\\{\"up\":true,\"time\":\\d+,\"age_in_days\":3}}");
            assertThat(client.get("/__version__").body().string()).startsWith("{\"source\":").contains("\"version\":",
                    "\"commit\":", "\"build\":");
            assertThat(client.get("/contribute.json").body().string()).contains("\"license\":\"Apache 2.0\"");
        });
    }

    @Test
    void metrics_count_requests_results_keys_and_queues_in_prometheus_format() {
        JavalinTest.test(web.app(), (server, client) -> {
            client.request("/v1/geolocate?key=test", b -> b.post(HttpRequest.BodyPublishers.ofString("{}"))
                    .header("X-Forwarded-For", "81.2.69.160"));
            client.request("/v1/geolocate?key=test", b -> b.post(HttpRequest.BodyPublishers.ofString("{}")));
            post(client, "/v2/geosubmit", "{\"items\":[{\"bluetoothBeacons\":[{\"macAddress\":\"01:23:45:67:89:ab\"}]}]}");
            Response metrics = client.get("/__metrics__");
            assertThat(metrics.code()).isEqualTo(200);
            assertThat(metrics.headers().get("Content-Type")).singleElement().asString().startsWith("text/plain");
            String text = metrics.body().string();
            assertThat(text).contains("http_server_requests_seconds_count{method=\"POST\",path=\"/v1/geolocate\","
                    + "status=\"200\"} 1");
            assertThat(text).contains("http_server_requests_seconds_count{method=\"POST\",path=\"/v1/geolocate\","
                    + "status=\"404\"} 1");
            assertThat(text).contains("locate_results_total{api=\"locate\",result=\"hit\",source=\"geoip\"} 1.0");
            assertThat(text).contains("locate_results_total{api=\"locate\",result=\"miss\",source=\"none\"} 1.0");
            assertThat(text).contains("api_key_requests_total{api=\"v1.geolocate\",key=\"t…9f86d081884c\"} 2.0");
            assertThat(text).contains("queue_size{queue=\"update_incoming\"} 1.0");
            assertThat(text).doesNotContain("key=\"test\"");
        });
    }

    @Test
    void a_down_backend_makes_the_heartbeat_503() {
        web.checks.put("redis", () -> HealthCheck.Health.down(Map.of()));
        web.checks.put("geoip", () -> {
            throw new IllegalStateException("boom");
        });
        JavalinTest.test(web.app(), (server, client) -> {
            Response hb = client.get("/__heartbeat__");
            assertThat(hb.code()).isEqualTo(503);
            assertThat(hb.body().string()).contains("\"redis\":{\"up\":false,\"time\":0}",
                    "\"geoip\":{\"up\":null,\"time\":-1}");
        });
    }

    @Test
    void keyless_mode_lets_anonymous_clients_locate_with_a_daily_limit_per_address() {
        web.settings = new WebSettings(WebSettings.DEFAULT_MAX_BODY_BYTES, true, 2,
                WebSettings.VersionInfo.unknown());
        JavalinTest.test(web.app(), (server, client) -> {
            for (int i = 0; i < 2; i++) {
                assertThat(client.request("/v1/geolocate", b -> b.post(HttpRequest.BodyPublishers.ofString("{}"))
                        .header("X-Forwarded-For", "81.2.69.160")).code()).isEqualTo(200);
            }
            assertThat(client.request("/v1/geolocate", b -> b.post(HttpRequest.BodyPublishers.ofString("{}"))
                    .header("X-Forwarded-For", "81.2.69.160")).code()).isEqualTo(403);
            assertThat(client.request("/v1/geolocate?key=test", b -> b.post(HttpRequest.BodyPublishers
                    .ofString("{}")).header("X-Forwarded-For", "81.2.69.160")).code()).isEqualTo(200);
        });
    }
}
