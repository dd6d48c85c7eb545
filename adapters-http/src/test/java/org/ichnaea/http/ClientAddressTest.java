package org.ichnaea.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.ichnaea.core.testing.TestClock;
import org.junit.jupiter.api.Test;

/**
 * Who sets the client address ({@code ICHNAEA_TRUSTED_PROXIES}): the test client always connects from 127.0.0.1, so
 * trust is switched by the settings. 81.2.69.160 has a GeoIP record in {@link TestWeb}; 127.0.0.1 and the other
 * addresses used here have none.
 */
class ClientAddressTest {

    private final TestWeb web = new TestWeb();

    private static Response locate(io.javalin.testtools.HttpClient client, String path, String forwarded) {
        return client.request(path, b -> {
            b.post(HttpRequest.BodyPublishers.ofString("{}"));
            if (forwarded != null) {
                b.header("X-Forwarded-For", forwarded);
            }
        });
    }

    private long anonymousCount(String address) {
        LocalDate today = LocalDate.ofInstant(TestClock.fixed().instant(), ZoneOffset.UTC);
        return web.usage.counts("anonymous:" + address, today).getOrDefault("v1.geolocate", 0L);
    }

    @Test
    void by_default_a_loopback_peer_is_a_trusted_proxy() {
        JavalinTest.test(web.app(), (server, client) -> {
            Response r = locate(client, "/v1/geolocate?key=test", "81.2.69.160");
            assertThat(r.code()).isEqualTo(200);
            assertThat(r.body().string()).contains("51.5142");
        });
    }

    @Test
    void a_spoofed_header_from_an_untrusted_peer_is_ignored() {
        web.settings = web.settings.withTrustedProxies(TrustedProxies.parse("10.0.0.0/8"));
        JavalinTest.test(web.app(), (server, client) -> {
            Response r = locate(client, "/v1/geolocate?key=test", "81.2.69.160");
            assertThat(r.code()).as("located by 127.0.0.1, which GeoIP does not know").isEqualTo(404);
            assertThat(locate(client, "/v1/country?key=test", "81.2.69.160").code()).isEqualTo(404);
        });
    }

    @Test
    void a_chain_through_trusted_proxies_resolves_to_the_right_most_untrusted_entry() {
        web.settings = new WebSettings(WebSettings.DEFAULT_MAX_BODY_BYTES, true, 0, WebSettings.VersionInfo.unknown(),
                TrustedProxies.parse("127.0.0.0/8,10.0.0.0/8"));
        JavalinTest.test(web.app(), (server, client) -> {
            Response through = locate(client, "/v1/geolocate", "81.2.69.160, 10.1.2.3, 10.0.0.9");
            assertThat(through.code()).isEqualTo(200);
            assertThat(through.body().string()).contains("51.5142");
            Response spoofed = locate(client, "/v1/geolocate", "81.2.69.160, 203.0.113.9, 10.1.2.3");
            assertThat(spoofed.code()).as("the left-most entry was written by the client: not believed")
                    .isEqualTo(404);
        });
        assertThat(anonymousCount("81.2.69.160")).isEqualTo(1);
        assertThat(anonymousCount("203.0.113.9")).isEqualTo(1);
    }

    @Test
    void the_keyless_limit_is_not_escaped_by_changing_the_header() {
        web.settings = new WebSettings(WebSettings.DEFAULT_MAX_BODY_BYTES, true, 2, WebSettings.VersionInfo.unknown(),
                TrustedProxies.parse("10.0.0.0/8"));
        JavalinTest.test(web.app(), (server, client) -> {
            assertThat(locate(client, "/v1/geolocate", "198.51.100.1").code()).isEqualTo(404);
            assertThat(locate(client, "/v1/geolocate", "198.51.100.2").code()).isEqualTo(404);
            Response third = locate(client, "/v1/geolocate", "198.51.100.3");
            assertThat(third.code()).isEqualTo(403);
            assertThat(third.body().string()).contains("dailyLimitExceeded");
            assertThat(locate(client, "/v1/geolocate", null).code()).isEqualTo(403);
        });
        assertThat(anonymousCount("127.0.0.1")).isEqualTo(4);
        assertThat(anonymousCount("198.51.100.3")).isZero();
    }
}
