package org.ichnaea.core.radio;

import java.util.Locale;
import java.util.Optional;

/**
 * A Wi-Fi BSSID or Bluetooth MAC address: 48 bits, written as 12 lower-case hex digits without separators.
 *
 * <p>{@link #parse} accepts the forms real clients send ({@code aa:bb:cc:dd:ee:ff}, {@code AA-BB-...},
 * {@code aabb.ccdd.eeff}, no separators, any case) and refuses the all-zero, broadcast and documentation multicast
 * addresses (docs/algorithms.md §1).
 */
public record MacAddress(long bits) implements Comparable<MacAddress> {

    private static final long MAX = 0xFFFF_FFFF_FFFFL;
    private static final long BROADCAST = 0xFFFF_FFFF_FFFFL;
    private static final long DOCUMENTATION_MULTICAST = 0x0100_5E90_1000L;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    public MacAddress {
        if (bits <= 0 || bits > MAX || bits == BROADCAST || bits == DOCUMENTATION_MULTICAST) {
            throw new IllegalArgumentException("not a usable MAC address: " + Long.toHexString(bits));
        }
    }

    /** Parses a MAC in any common notation, or empty when it is malformed or one of the refused addresses. */
    public static Optional<MacAddress> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        long bits = 0;
        int digits = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ':' || c == '-' || c == '.') {
                continue;
            }
            int value = Character.digit(c, 16);
            if (value < 0 || c > 'f' || ++digits > 12) {
                return Optional.empty();
            }
            bits = (bits << 4) | value;
        }
        if (digits != 12 || bits == 0 || bits == BROADCAST || bits == DOCUMENTATION_MULTICAST) {
            return Optional.empty();
        }
        return Optional.of(new MacAddress(bits));
    }

    /** Parses a MAC address, throwing {@link IllegalArgumentException} when it is not usable. */
    public static MacAddress of(String text) {
        return parse(text).orElseThrow(() -> new IllegalArgumentException("not a usable MAC address: " + text));
    }

    /** Twelve lower-case hex digits, no separators. */
    public String hex() {
        char[] out = new char[12];
        for (int i = 11; i >= 0; i--) {
            out[i] = HEX[(int) ((bits >>> ((11 - i) * 4)) & 0xF)];
        }
        return new String(out);
    }

    /** The six raw bytes, most significant first. */
    public byte[] bytes() {
        byte[] out = new byte[6];
        for (int i = 0; i < 6; i++) {
            out[i] = (byte) (bits >>> ((5 - i) * 8));
        }
        return out;
    }

    /** The shard (0..15) of Ichnaea's station tables: the fifth hex digit of {@link #hex()}. */
    public int shard() {
        return (int) ((bits >>> 28) & 0xF);
    }

    /** The hex digit naming {@link #shard()}, as in {@code wifi_shard_a}. */
    public char shardDigit() {
        return HEX[shard()];
    }

    /** Makes a MAC from six raw bytes. */
    public static MacAddress ofBytes(byte[] raw) {
        if (raw.length != 6) {
            throw new IllegalArgumentException("a MAC address has 6 bytes, not " + raw.length);
        }
        long bits = 0;
        for (byte b : raw) {
            bits = (bits << 8) | (b & 0xFF);
        }
        return new MacAddress(bits);
    }

    @Override
    public int compareTo(MacAddress other) {
        return Long.compare(bits, other.bits);
    }

    @Override
    public String toString() {
        return hex().toLowerCase(Locale.ROOT);
    }
}
