package org.ichnaea.http;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.ichnaea.core.geoip.IpAddresses;

/**
 * The proxies whose {@code X-Forwarded-For} is believed ({@code ICHNAEA_TRUSTED_PROXIES}): a list of IPv4 and IPv6
 * networks in CIDR notation. {@link #loopback()} is the default when nothing is configured (a proxy on the same
 * host, and the README's {@code curl -H 'X-Forwarded-For: ...' localhost}); a configured list is the whole truth,
 * so loopback is trusted then only when it is listed; {@link #none()} trusts no one and ignores the header.
 */
public final class TrustedProxies {

    private final List<Network> networks;
    private final String description;

    private TrustedProxies(List<Network> networks, String description) {
        this.networks = List.copyOf(networks);
        this.description = description;
    }

    /** The default: only loopback peers ({@code 127.0.0.0/8} and {@code ::1}) may set the client address. */
    public static TrustedProxies loopback() {
        return parse("127.0.0.0/8,::1/128");
    }

    /** No proxy: the client address is always the socket peer. */
    public static TrustedProxies none() {
        return new TrustedProxies(List.of(), "none");
    }

    /**
     * Parses comma-separated CIDRs ({@code 10.0.0.0/8, 2001:db8::/32}; a bare address is a single host), or
     * {@code none}.
     *
     * @throws IllegalArgumentException naming the entry that is not a CIDR
     */
    public static TrustedProxies parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("expected comma-separated CIDRs or none");
        }
        if (text.trim().toLowerCase(Locale.ROOT).equals("none")) {
            return none();
        }
        List<Network> networks = new ArrayList<>();
        for (String part : text.split(",")) {
            String entry = part.trim();
            if (entry.isEmpty()) {
                continue;
            }
            networks.add(Network.parse(entry));
        }
        if (networks.isEmpty()) {
            throw new IllegalArgumentException("expected comma-separated CIDRs or none");
        }
        return new TrustedProxies(networks, text.trim());
    }

    /** Whether {@code address} lies in one of the trusted networks. */
    public boolean contains(InetAddress address) {
        byte[] bytes = normalise(address.getAddress());
        for (Network network : networks) {
            if (network.contains(bytes)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The client address of a request from {@code peer} with the given {@code X-Forwarded-For} header (null: none):
     * the peer itself unless it is trusted; else the right-most header entry that is not a trusted proxy, walking
     * leftwards through trusted hops. An entry that is not an address stops the walk at the hop that wrote it; a
     * header made only of trusted addresses gives its left-most entry.
     */
    public String clientAddress(String peer, String forwarded) {
        Optional<InetAddress> peerAddress = IpAddresses.parse(peer);
        if (forwarded == null || peerAddress.isEmpty() || !contains(peerAddress.get())) {
            return peer;
        }
        String[] entries = forwarded.split(",");
        String current = peer;
        for (int i = entries.length - 1; i >= 0; i--) {
            String entry = stripPort(entries[i].trim());
            if (entry.isEmpty()) {
                continue;
            }
            Optional<InetAddress> address = IpAddresses.parse(entry);
            if (address.isEmpty()) {
                return current;
            }
            current = address.get().getHostAddress();
            if (!contains(address.get())) {
                return current;
            }
        }
        return current;
    }

    /** {@code 1.2.3.4:80} and {@code [2001:db8::1]:80} as some proxies write them, without the port. */
    private static String stripPort(String entry) {
        if (entry.startsWith("[")) {
            int close = entry.indexOf(']');
            return close > 0 ? entry.substring(1, close) : entry;
        }
        int colon = entry.indexOf(':');
        if (colon > 0 && entry.indexOf(':', colon + 1) < 0 && entry.indexOf('.') > 0) {
            return entry.substring(0, colon);
        }
        return entry;
    }

    /** IPv4-mapped IPv6 addresses ({@code ::ffff:1.2.3.4}) compare as IPv4. */
    private static byte[] normalise(byte[] bytes) {
        if (bytes.length == 16) {
            boolean mapped = bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
            for (int i = 0; i < 10 && mapped; i++) {
                mapped = bytes[i] == 0;
            }
            if (mapped) {
                return new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]};
            }
        }
        return bytes;
    }

    @Override
    public String toString() {
        return description;
    }

    /** One CIDR network. */
    private record Network(byte[] base, int prefix) {

        static Network parse(String cidr) {
            int slash = cidr.indexOf('/');
            String host = slash < 0 ? cidr : cidr.substring(0, slash);
            InetAddress address = IpAddresses.parse(host)
                    .orElseThrow(() -> new IllegalArgumentException("not a CIDR: " + cidr));
            byte[] bytes = normalise(address.getAddress());
            int bits = bytes.length * 8;
            int prefix = bits;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(cidr.substring(slash + 1));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("not a CIDR: " + cidr);
                }
                if (address.getAddress().length == 16 && bytes.length == 4) {
                    prefix -= 96;
                }
                if (prefix < 0 || prefix > bits) {
                    throw new IllegalArgumentException("prefix out of range: " + cidr);
                }
            }
            return new Network(bytes, prefix);
        }

        boolean contains(byte[] address) {
            if (address.length != base.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != base[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[full] & mask) == (base[full] & mask);
        }
    }
}
