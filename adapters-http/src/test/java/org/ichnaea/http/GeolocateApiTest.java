package org.ichnaea.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.ichnaea.core.radio.RadioType;
import org.ichnaea.core.testing.TestStations;
import org.junit.jupiter.api.Test;

/** {@code /v1/geolocate} over HTTP, asserting Ichnaea's exact JSON (docs/api.md, docs/api.md "/v1/geolocate"). */
class GeolocateApiTest {

    static final String KEY_INVALID = "{\"error\":{\"errors\":[{\"domain\":\"usageLimits\",\"reason\":\"keyInvalid\","
            + "\"message\":\"Missing or invalid API key.\"}],\"code\":400,\"message\":\"Missing or invalid API key.\"}}";
    static final String NOT_FOUND = "{\"error\":{\"errors\":[{\"domain\":\"geolocation\",\"reason\":\"notFound\","
            + "\"message\":\"Not found\"}],\"code\":404,\"message\":\"Not found\"}}";
    static final String DAILY_LIMIT = "{\"error\":{\"errors\":[{\"domain\":\"usageLimits\",\"reason\":"
            + "\"dailyLimitExceeded\",\"message\":\"You have exceeded your daily limit.\"}],\"code\":403,"
            + "\"message\":\"You have exceeded your daily limit.\"}}";

    private final TestWeb web = new TestWeb();

    private static Response post(io.javalin.testtools.HttpClient client, String path, String body, String ip) {
        return client.request(path, b -> {
            b.post(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
            if (ip != null) {
                b.header("X-Forwarded-For", ip);
            }
        });
    }

    @Test
    void a_missing_malformed_or_unknown_key_is_refused_before_the_body_is_read() {
        JavalinTest.test(web.app(), (server, client) -> {
            for (String path : List.of("/v1/geolocate", "/v1/geolocate?key=", "/v1/geolocate?key=has%20space",
                    "/v1/geolocate?key=" + "x".repeat(41), "/v1/geolocate?key=unknown", "/v1/geolocate?key=nolocate")) {
                Response r = post(client, path, "not json at all", null);
                assertThat(r.code()).as(path).isEqualTo(400);
                assertThat(r.body().string()).as(path).isEqualTo(KEY_INVALID);
                assertThat(r.headers().get("Content-Type")).singleElement().asString().startsWith("application/json");
                assertThat(r.headers().get("Access-Control-Allow-Origin")).containsExactly("*");
            }
        });
    }

    @Test
    void an_ip_only_query_is_answered_by_geoip_for_the_forwarded_address() {
        web.settings = web.settings.withTrustedProxies(TrustedProxies.parse("127.0.0.1,10.0.0.0/8"));
        JavalinTest.test(web.app(), (server, client) -> {
            Response r = post(client, "/v1/geolocate?key=test", "{}", "81.2.69.160, 10.0.0.1");
            assertThat(r.code()).isEqualTo(200);
            assertThat(r.body().string()).isEqualTo("{\"location\":{\"lat\":51.5142,\"lng\":-0.0931},"
                    + "\"accuracy\":40000.0}");
            assertThat(r.headers().get("Access-Control-Allow-Origin")).containsExactly("*");
            assertThat(r.headers().get("Access-Control-Max-Age")).containsExactly("2592000");
            assertThat(r.headers().get("Strict-Transport-Security"))
                    .containsExactly("max-age=31536000; includeSubDomains");
            assertThat(r.headers().get("X-Content-Type-Options")).containsExactly("nosniff");
        });
    }

    @Test
    void an_empty_body_get_and_ipv6_work_too() {
        JavalinTest.test(web.app(), (server, client) -> {
            assertThat(client.get("/v1/geolocate?key=test", b -> b.header("X-Forwarded-For", "81.2.69.160")).code())
                    .isEqualTo(200);
            assertThat(post(client, "/v1/geolocate?key=test", "", "2a02:c7f::1").body().string())
                    .isEqualTo("{\"location\":{\"lat\":51.5,\"lng\":-0.12},\"accuracy\":50000.0}");
        });
    }

    @Test
    void nothing_found_is_404_not_found() {
        JavalinTest.test(web.app(), (server, client) -> {
            Response r = post(client, "/v1/geolocate?key=test", "{\"considerIp\": false}", "81.2.69.160");
            assertThat(r.code()).isEqualTo(404);
            assertThat(r.body().string()).isEqualTo(NOT_FOUND);
            Response unknownIp = post(client, "/v1/geolocate?key=test", "{}", "127.0.0.1");
            assertThat(unknownIp.code()).isEqualTo(404);
        });
    }

    @Test
    void known_wifi_networks_give_a_position_and_unknown_ones_fall_back_to_geoip_tagged_ipf() {
        web.wifi.saveAll(List.of(TestStations.wifi("aa:bb:cc:00:11:22").at(51.51, -0.09).build(),
                TestStations.wifi("aa:bb:cc:00:11:33").at(51.5102, -0.09).build()));
        JavalinTest.test(web.app(), (server, client) -> {
            Response r = post(client, "/v1/geolocate?key=test", "{\"wifiAccessPoints\":["
                    + "{\"macAddress\":\"aa:bb:cc:00:11:22\",\"signalStrength\":-61},"
                    + "{\"macAddress\":\"AA-BB-CC-00-11-33\",\"signalStrength\":-75}]}", "81.2.69.160");
            assertThat(r.code()).isEqualTo(200);
            assertThat(r.body().string()).startsWith("{\"location\":{\"lat\":51.510").doesNotContain("fallback");

            Response unknown = post(client, "/v1/geolocate?key=test", "{\"wifiAccessPoints\":["
                    + "{\"macAddress\":\"aa:bb:cc:00:99:22\"},{\"macAddress\":\"aa:bb:cc:00:99:33\"}]}", "81.2.69.160");
            assertThat(unknown.body().string()).isEqualTo("{\"location\":{\"lat\":51.5142,\"lng\":-0.0931},"
                    + "\"accuracy\":40000.0,\"fallback\":\"ipf\"}");
        });
    }

    @Test
    void a_known_cell_gives_its_position() {
        web.cells.saveAll(List.of(TestStations.cell(RadioType.LTE, 244, 5, 4100, 12345678).at(60.17, 24.94)
                .radius(800).build()));
        JavalinTest.test(web.app(), (server, client) -> {
            Response r = post(client, "/v1/geolocate?key=test", "{\"considerIp\":false,\"radioType\":\"lte\","
                    + "\"cellTowers\":[{\"radioType\":\"lte\",\"mobileCountryCode\":244,\"mobileNetworkCode\":5,"
                    + "\"locationAreaCode\":4100,\"cellId\":12345678,\"age\":800,\"psc\":311,"
                    + "\"signalStrength\":-95}],\"fallbacks\":{\"lacf\":true,\"ipf\":false}}", null);
            // The default (refined) engine answers with the cell's learnt radius; Ichnaea's would floor it at 1 km.
            assertThat(r.body().string()).isEqualTo("{\"location\":{\"lat\":60.17,\"lng\":24.94},\"accuracy\":800.0}");
        });
    }

    @Test
    void the_daily_limit_counts_per_key_and_refuses_past_maxreq() {
        JavalinTest.test(web.app(), (server, client) -> {
            assertThat(post(client, "/v1/geolocate?key=limited", "{}", "81.2.69.160").code()).isEqualTo(200);
            assertThat(post(client, "/v1/geolocate?key=limited", "{}", "81.2.69.160").code()).isEqualTo(200);
            Response third = post(client, "/v1/geolocate?key=limited", "{}", "81.2.69.160");
            assertThat(third.code()).isEqualTo(403);
            assertThat(third.body().string()).isEqualTo(DAILY_LIMIT);
            assertThat(post(client, "/v1/country?key=limited", "{}", "81.2.69.160").code())
                    .as("region requests are not limited").isEqualTo(200);
        });
    }

    @Test
    void malformed_bodies_are_parse_errors_with_details() {
        JavalinTest.test(web.app(), (server, client) -> {
            Response notJson = post(client, "/v1/geolocate?key=test", "{\"wifi", null);
            assertThat(notJson.code()).isEqualTo(400);
            assertThat(notJson.body().string()).startsWith("{\"error\":{\"errors\":[{\"domain\":\"global\","
                    + "\"reason\":\"parseError\",\"message\":\"Parse Error\"}],\"code\":400,\"message\":\"Parse Error\"},"
                    + "\"details\":{\"decode\":");
            Response list = post(client, "/v1/geolocate?key=test", "[1]", null);
            assertThat(list.code()).isEqualTo(400);
            assertThat(list.body().string()).contains("\"details\":{\"validation\":{\"\":");
            Response latin = client.request("/v1/geolocate?key=test", b -> b.post(HttpRequest.BodyPublishers
                    .ofByteArray(new byte[] {'{', '"', 's', '"', ':', '"', (byte) 0xe9, '"', '}'}))
                    .header("Content-Type", "application/json"));
            assertThat(latin.code()).isEqualTo(400);
            assertThat(latin.body().string()).contains("\"decode\":");
        });
    }

    @Test
    void odd_entries_are_dropped_never_the_request() {
        JavalinTest.test(web.app(), (server, client) -> {
            Response r = post(client, "/v1/geolocate?key=test", "{\"carrier\":null,\"radioType\":\"5g\","
                    + "\"considerIp\":\"true\",\"homeMobileCountryCode\":\"x\",\"cellTowers\":[null,1,"
                    + "{\"radioType\":\"cdma\",\"cellId\":\"abc\"},{\"radioType\":\"umts\",\"mobileCountryCode\":\"262\","
                    + "\"mobileNetworkCode\":2,\"locationAreaCode\":1,\"cellId\":1}],\"wifiAccessPoints\":"
                    + "{\"not\":\"a list\"},\"bluetoothBeacons\":[{\"macAddress\":12}],\"unknown\":[1,2]}",
                    "81.2.69.160");
            assertThat(r.code()).isEqualTo(200);
            assertThat(r.body().string()).contains("\"fallback\":\"ipf\"");
        });
    }

    @Test
    void gzip_bodies_and_charsets_are_decoded() throws IOException {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write("{\"considerIp\": true}".getBytes(StandardCharsets.UTF_8));
        }
        JavalinTest.test(web.app(), (server, client) -> {
            Response r = client.request("/v1/geolocate?key=test", b -> b.post(HttpRequest.BodyPublishers
                    .ofByteArray(gz.toByteArray())).header("Content-Encoding", "gzip")
                    .header("Content-Type", "application/json; charset=utf-8").header("X-Forwarded-For", "81.2.69.160"));
            assertThat(r.code()).isEqualTo(200);
            Response broken = client.request("/v1/geolocate?key=test", b -> b.post(HttpRequest.BodyPublishers
                    .ofString("not gzip")).header("Content-Encoding", "gzip"));
            assertThat(broken.code()).isEqualTo(400);
            assertThat(broken.body().string()).contains("\"decode\":\"gzip:");
        });
    }

    @Test
    void a_body_over_the_limit_is_413_in_the_envelope() {
        web.settings = new WebSettings(1000, false, 0, WebSettings.VersionInfo.unknown());
        JavalinTest.test(web.app(), (server, client) -> {
            Response r = post(client, "/v1/geolocate?key=test", "{\"x\":\"" + "a".repeat(2000) + "\"}", null);
            assertThat(r.code()).isEqualTo(413);
            assertThat(r.body().string()).contains("\"reason\":\"payloadTooLarge\"", "\"code\":413");
        });
    }

    @Test
    void options_answers_empty_with_cors_and_other_methods_are_405() {
        JavalinTest.test(web.app(), (server, client) -> {
            java.net.http.HttpResponse<String> options = java.net.http.HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(java.net.URI.create(client.getOrigin() + "/v1/geolocate"))
                            .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(options.statusCode()).isEqualTo(200);
            assertThat(options.body()).isEmpty();
            assertThat(options.headers().allValues("Access-Control-Allow-Origin")).containsExactly("*");
            assertThat(client.delete("/v1/geolocate").code()).isEqualTo(405);
            assertThat(client.put("/v2/geosubmit").code()).isEqualTo(405);
            assertThat(client.patch("/__lbheartbeat__").code()).isEqualTo(405);
        });
    }

    @Test
    void unknown_paths_are_404_html() {
        JavalinTest.test(web.app(), (server, client) -> {
            Response r = client.get("/v1/geolocate/");
            assertThat(r.code()).isEqualTo(404);
            assertThat(r.body().string()).isEqualTo("<h1>404 Not Found</h1>");
            assertThat(client.get("/nope").body().string()).isEqualTo("<h1>404 Not Found</h1>");
        });
    }
}
