package org.ichnaea.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.ichnaea.core.radio.RadioType;
import org.ichnaea.core.testing.TestStations;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every request shape the known clients send (docs/api.md "Lenient parsing"), as they send it: answered 200 with a
 * location when the networks are known, never 400.
 */
class ClientShapesTest {

    private final TestWeb web = new TestWeb();

    @BeforeEach
    void knownNetworks() {
        web.wifi.saveAll(List.of(TestStations.wifi("aa:bb:cc:00:11:22").at(60.1700, 24.9400).build(),
                TestStations.wifi("aa:bb:cc:00:11:33").at(60.1702, 24.9402).build()));
        web.cells.saveAll(List.of(
                TestStations.cell(RadioType.LTE, 244, 5, 4100, 12345678).at(60.17, 24.94).radius(1500).build(),
                TestStations.cell(RadioType.WCDMA, 262, 2, 812, 31234567).at(52.52, 13.40).radius(1500).build()));
    }

    private static final Map<String, String> LOCATE = Map.of(
            "geoclue 2.6 (top-level gsm, lte cell)", "{\"radioType\":\"gsm\",\"cellTowers\":[{\"cellId\":12345678,"
                    + "\"mobileCountryCode\":244,\"mobileNetworkCode\":5,\"locationAreaCode\":4100,\"radioType\":\"lte\"}],"
                    + "\"wifiAccessPoints\":[{\"macAddress\":\"aa:bb:cc:00:11:22\",\"signalStrength\":-61},"
                    + "{\"macAddress\":\"aa:bb:cc:00:11:33\",\"signalStrength\":-75}]}",
            "geoclue 2.7 (wcdma, ages)", "{\"radioType\":\"wcdma\",\"cellTowers\":[{\"cellId\":31234567,"
                    + "\"mobileCountryCode\":262,\"mobileNetworkCode\":2,\"locationAreaCode\":812,"
                    + "\"radioType\":\"wcdma\"}],\"wifiAccessPoints\":[{\"macAddress\":\"aa:bb:cc:00:99:22\","
                    + "\"signalStrength\":-61,\"age\":3000},{\"macAddress\":\"aa:bb:cc:00:99:33\",\"signalStrength\":-75,"
                    + "\"age\":3000}]}",
            "microG wifi", "{\"considerIp\":false,\"wifiAccessPoints\":[{\"macAddress\":\"aa:bb:cc:00:11:22\","
                    + "\"age\":1200,\"channel\":6,\"frequency\":2437,\"signalStrength\":-58,\"ssid\":\"HomeNet\"},"
                    + "{\"macAddress\":\"aa:bb:cc:00:11:33\",\"age\":1200,\"frequency\":5180,\"signalStrength\":-71,"
                    + "\"ssid\":\"Office\"}],\"fallbacks\":{\"lacf\":false,\"ipf\":false}}",
            "microG single cell", "{\"considerIp\":false,\"radioType\":\"lte\",\"homeMobileCountryCode\":244,"
                    + "\"homeMobileNetworkCode\":5,\"cellTowers\":[{\"radioType\":\"lte\",\"mobileCountryCode\":244,"
                    + "\"mobileNetworkCode\":5,\"locationAreaCode\":4100,\"cellId\":12345678,\"age\":800,\"psc\":311,"
                    + "\"signalStrength\":-95}],\"fallbacks\":{\"lacf\":true,\"ipf\":false}}",
            "IchnaeaNlpBackend", "{\"radioType\":\"lte\",\"cellTowers\":[{\"radioType\":\"lte\",\"mobileCountryCode\":244,"
                    + "\"mobileNetworkCode\":5,\"locationAreaCode\":4100,\"cellId\":12345678,\"signalStrength\":-95,"
                    + "\"psc\":311,\"asu\":45}],\"wifiAccessPoints\":[{\"macAddress\":\"aa:bb:cc:00:11:22\",\"channel\":6,"
                    + "\"frequency\":2437,\"signalStrength\":-58}],\"fallbacks\":{\"lacf\":true,\"ipf\":false}}",
            "NeoStumbler verify", "{\"considerIp\":false,\"bluetoothBeacons\":[{\"macAddress\":\"dd:ee:ff:00:11:22\","
                    + "\"signalStrength\":-88}],\"cellTowers\":[{\"radioType\":\"lte\",\"mobileCountryCode\":244,"
                    + "\"mobileNetworkCode\":5,\"locationAreaCode\":4100,\"cellId\":12345678,\"signalStrength\":-95,"
                    + "\"psc\":311,\"timingAdvance\":3}],\"wifiAccessPoints\":[{\"macAddress\":\"aa:bb:cc:00:11:22\","
                    + "\"signalStrength\":-67}]}",
            "Firefox dashed MACs", "{\"wifiAccessPoints\":[{\"macAddress\":\"aa-bb-cc-00-11-22\",\"signalStrength\":-48},"
                    + "{\"macAddress\":\"AA-BB-CC-00-11-33\",\"signalStrength\":-70}]}",
            "Mozilla Stumbler geolocate", "{\"radioType\":\"lte\",\"latitude\":1,\"longitude\":2,\"timestamp\":3,"
                    + "\"fallbacks\":{\"lacf\":false,\"ipf\":false},\"wifiAccessPoints\":["
                    + "{\"macAddress\":\"AABBCC001122\",\"signalStrength\":null},{\"macAddress\":\"aabbcc001133\"}]}");

    @Test
    void every_client_locate_shape_with_known_networks_gets_a_position() {
        JavalinTest.test(web.app(), (server, client) -> {
            for (Map.Entry<String, String> shape : LOCATE.entrySet()) {
                Response r = client.request("/v1/geolocate?key=test", b -> b.post(HttpRequest.BodyPublishers
                        .ofString(shape.getValue())).header("Content-Type", "application/json; charset=utf-8"));
                assertThat(r.code()).as(shape.getKey() + ": " + r.body().string()).isEqualTo(200);
                assertThat(r.body().string()).as(shape.getKey()).startsWith("{\"location\":{\"lat\":");
            }
        });
    }

    @Test
    void firefox_without_wifi_sends_no_body_and_gets_the_geoip_answer() {
        JavalinTest.test(web.app(), (server, client) -> {
            Response r = client.request("/v1/geolocate?key=test", b -> b.post(HttpRequest.BodyPublishers.noBody())
                    .header("Content-Type", "application/json; charset=UTF-8").header("X-Forwarded-For", "81.2.69.160"));
            assertThat(r.code()).isEqualTo(200);
            Response filtered = client.request("/v1/geolocate?key=test", b -> b.post(HttpRequest.BodyPublishers
                    .ofString("{\"wifiAccessPoints\":[]}")).header("X-Forwarded-For", "81.2.69.160"));
            assertThat(filtered.code()).isEqualTo(200);
        });
    }

    @Test
    void every_client_submit_shape_is_accepted() throws Exception {
        String neo = "{\"items\":[{\"timestamp\":1714554000000,\"position\":{\"latitude\":60.1699,\"longitude\":24.9384,"
                + "\"accuracy\":4.5,\"age\":350,\"altitude\":21.0,\"altitudeAccuracy\":3.0,\"heading\":87.0,"
                + "\"pressure\":1012.3,\"speed\":1.4,\"source\":\"gps\"},\"wifiAccessPoints\":[{\"macAddress\":"
                + "\"aa:bb:cc:00:11:22\",\"radioType\":\"802.11ax\",\"age\":-150,\"channel\":37,\"frequency\":6135,"
                + "\"signalStrength\":-67,\"ssid\":\"HomeNet\",\"estimatedDistance\":{\"distance\":12.5,\"accuracy\":2.0,"
                + "\"type\":\"TWO_SIDED\"}}],\"cellTowers\":[{\"radioType\":\"nr\",\"mobileCountryCode\":244,"
                + "\"mobileCountryCodeStr\":\"244\",\"mobileNetworkCode\":5,\"mobileNetworkCodeStr\":\"05\","
                + "\"locationAreaCode\":123456,\"cellId\":51234567890,\"age\":1400,\"asu\":37,"
                + "\"primaryScramblingCode\":412,\"serving\":1,\"signalStrength\":-103,\"timingAdvance\":3,"
                + "\"arfcn\":632628}],\"bluetoothBeacons\":[{\"macAddress\":\"dd:ee:ff:00:11:22\",\"beaconType\":533,"
                + "\"id1\":\"f7826da6\",\"id2\":\"1\",\"id3\":\"2\",\"age\":900,\"signalStrength\":-88}]}]}";
        String tower = "{\"items\":[{\"timestamp\":1714554000000,\"position\":{\"latitude\":50.061234567891,"
                + "\"longitude\":19.937123456789,\"accuracy\":6.0,\"altitude\":220.5,\"heading\":181.0,\"speed\":0.0,"
                + "\"source\":\"gps\"},\"cellTowers\":[{\"radioType\":\"lte\",\"mobileCountryCode\":260,"
                + "\"mobileNetworkCode\":2,\"locationAreaCode\":58140,\"cellId\":2345678,\"primaryScramblingCode\":123,"
                + "\"asu\":40,\"signalStrength\":-100,\"timingAdvance\":5,\"arfcn\":1850,\"serving\":1}]}]}";
        String stumblerV1 = "{\"items\":[{\"latitude\":51.5,\"longitude\":-0.1,\"timestamp\":1714554000000,"
                + "\"heading\":0,\"speed\":0,\"accuracy\":10,\"altitude\":5,\"cellTowers\":[{\"radioType\":\"cdma\","
                + "\"cellId\":1,\"locationAreaCode\":1,\"mobileCountryCode\":310,\"mobileNetworkCode\":0}],"
                + "\"wifiAccessPoints\":[{\"macAddress\":\"aabbcc001122\",\"frequency\":2412,\"age\":100}]}]}";
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(neo.getBytes(StandardCharsets.UTF_8));
        }
        JavalinTest.test(web.app(), (server, client) -> {
            Response neoR = client.request("/v2/geosubmit", b -> b.post(HttpRequest.BodyPublishers.ofByteArray(
                    gz.toByteArray())).header("Content-Encoding", "gzip").header("Content-Type", "application/json")
                    .header("User-Agent", "NeoStumbler/18"));
            assertThat(neoR.code()).isEqualTo(200);
            assertThat(neoR.body().string()).isEqualTo("{}");
            assertThat(client.request("/v2/geosubmit?key=anything", b -> b.post(HttpRequest.BodyPublishers
                    .ofString(tower)).header("Content-Type", "application/json; charset=utf-8")).code()).isEqualTo(200);
            assertThat(client.request("/v1/geosubmit?key=k", b -> b.post(HttpRequest.BodyPublishers
                    .ofString(stumblerV1))).code()).isEqualTo(200);
        });
        var items = web.incoming.dequeue(10);
        assertThat(items).hasSize(3);
        assertThat(items.get(0).report().wifis()).singleElement()
                .satisfies(w -> assertThat(w.frequency()).isEqualTo(6135));
        assertThat(items.get(0).report().cells()).singleElement()
                .satisfies(c -> assertThat(c.cid()).isEqualTo(51_234_567_890L));
        assertThat(items.get(2).report().cells()).as("cdma dropped alone").isEmpty();
        assertThat(items.get(2).report().wifis()).hasSize(1);
    }
}
