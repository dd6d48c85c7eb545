package org.ichnaea.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** CIDR matching and the right-most-untrusted walk over {@code X-Forwarded-For}. */
class TrustedProxiesTest {

    @Test
    void cidrs_match_ipv4_and_ipv6_networks() throws Exception {
        TrustedProxies proxies = TrustedProxies.parse(" 10.0.0.0/8, 192.168.1.128/25 ,2001:db8::/32, 203.0.113.7");
        assertThat(proxies.contains(InetAddress.getByName("10.255.0.1"))).isTrue();
        assertThat(proxies.contains(InetAddress.getByName("11.0.0.1"))).isFalse();
        assertThat(proxies.contains(InetAddress.getByName("192.168.1.200"))).isTrue();
        assertThat(proxies.contains(InetAddress.getByName("192.168.1.127"))).isFalse();
        assertThat(proxies.contains(InetAddress.getByName("2001:db8:ffff::1"))).isTrue();
        assertThat(proxies.contains(InetAddress.getByName("2001:db9::1"))).isFalse();
        assertThat(proxies.contains(InetAddress.getByName("203.0.113.7"))).isTrue();
        assertThat(proxies.contains(InetAddress.getByName("203.0.113.8"))).isFalse();
        assertThat(proxies.contains(InetAddress.getByName("127.0.0.1"))).as("a list is the whole truth").isFalse();
    }

    @Test
    void the_default_trusts_loopback_only_and_none_trusts_no_one() throws Exception {
        assertThat(TrustedProxies.loopback().contains(InetAddress.getByName("127.0.0.1"))).isTrue();
        assertThat(TrustedProxies.loopback().contains(InetAddress.getByName("::1"))).isTrue();
        assertThat(TrustedProxies.loopback().contains(InetAddress.getByName("10.0.0.1"))).isFalse();
        assertThat(TrustedProxies.none().clientAddress("127.0.0.1", "81.2.69.160")).isEqualTo("127.0.0.1");
        assertThat(TrustedProxies.parse("NONE").contains(InetAddress.getByName("127.0.0.1"))).isFalse();
    }

    @Test
    void bad_entries_are_refused_with_their_text() {
        assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/8,example.com")).hasMessageContaining("example.com");
        assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/33")).hasMessageContaining("10.0.0.0/33");
        assertThatThrownBy(() -> TrustedProxies.parse("::/129")).hasMessageContaining("::/129");
        assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/x")).hasMessageContaining("10.0.0.0/x");
        assertThatThrownBy(() -> TrustedProxies.parse(" , ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_client_is_the_right_most_entry_that_is_not_a_trusted_proxy() {
        TrustedProxies proxies = TrustedProxies.parse("10.0.0.0/8,2001:db8::/32");
        assertThat(proxies.clientAddress("198.51.100.1", "81.2.69.160")).as("untrusted peer: header ignored")
                .isEqualTo("198.51.100.1");
        assertThat(proxies.clientAddress("10.0.0.1", null)).isEqualTo("10.0.0.1");
        assertThat(proxies.clientAddress("10.0.0.1", "81.2.69.160")).isEqualTo("81.2.69.160");
        assertThat(proxies.clientAddress("10.0.0.1", "81.2.69.160, 10.0.0.2,10.9.9.9")).isEqualTo("81.2.69.160");
        assertThat(proxies.clientAddress("10.0.0.1", "1.1.1.1, 81.2.69.160, 10.0.0.2"))
                .as("what the client wrote on the left is not believed").isEqualTo("81.2.69.160");
        assertThat(proxies.clientAddress("2001:db8::5", "2a02:c7f::1, 2001:db8::6")).isEqualTo("2a02:c7f:0:0:0:0:0:1");
        assertThat(proxies.clientAddress("10.0.0.1", "10.0.0.3, 10.0.0.2")).as("only proxies: the left-most")
                .isEqualTo("10.0.0.3");
        assertThat(proxies.clientAddress("10.0.0.1", "81.2.69.160:5353, [2001:db8::7]:443"))
                .isEqualTo("81.2.69.160");
        assertThat(proxies.clientAddress("10.0.0.1", "81.2.69.160, unknown, 10.0.0.2"))
                .as("a hop that is not an address stops the walk at the proxy that wrote it").isEqualTo("10.0.0.2");
        assertThat(proxies.clientAddress("10.0.0.1", "")).isEqualTo("10.0.0.1");
    }
}
