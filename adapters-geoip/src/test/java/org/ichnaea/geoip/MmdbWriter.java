package org.ichnaea.geoip;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimal MaxMind DB (mmdb) writer for tests, after the MaxMind DB File Format Specification 2.0: a binary search
 * tree with 24-bit records, 16 zero bytes, a data section, then the metadata after the marker
 * {@code \xAB\xCD\xEFMaxMind.com}. No Java writer is published on Maven Central (MaxMind's writers are Perl and
 * Go), so the tests build their DB-IP-layout and replacement files with this.
 *
 * <p>Networks must not overlap, and each record is written once (no pointers, no deduplication). IPv4 networks in an
 * IPv6 tree go under {@code ::/96}, where readers look for IPv4 addresses. Value types: String → utf8_string,
 * Double → double, Float → float, Integer → uint16, Long → uint32, BigInteger → uint64, Boolean → boolean,
 * Map → map (String keys), List → array.
 */
final class MmdbWriter {

    private static final byte[] METADATA_MARKER = {
        (byte) 0xAB, (byte) 0xCD, (byte) 0xEF, 'M', 'a', 'x', 'M', 'i', 'n', 'd', '.', 'c', 'o', 'm'};
    private static final int EMPTY = -1;

    private final String databaseType;
    private final int ipVersion;
    private Instant buildTime = Instant.parse("2024-01-01T00:00:00Z");
    /** Tree nodes as {left, right}: EMPTY, a node index (>= 0) or a data index d stored as -2 - d. */
    private final List<int[]> nodes = new ArrayList<>();
    private final List<Object> records = new ArrayList<>();

    MmdbWriter(String databaseType, int ipVersion) {
        if (ipVersion != 4 && ipVersion != 6) {
            throw new IllegalArgumentException("ip version " + ipVersion);
        }
        this.databaseType = databaseType;
        this.ipVersion = ipVersion;
        nodes.add(new int[] {EMPTY, EMPTY});
    }

    MmdbWriter builtAt(Instant time) {
        this.buildTime = time;
        return this;
    }

    /** Adds a network in CIDR notation ({@code 81.2.69.0/24}, {@code 2a00:1450::/32}) with its record. */
    MmdbWriter insert(String cidr, Map<String, ?> record) {
        String[] parts = cidr.split("/");
        byte[] address = parseLiteral(parts[0]);
        int prefix = Integer.parseInt(parts[1]);
        if (address.length == 4 && ipVersion == 6) {
            byte[] mapped = new byte[16];
            System.arraycopy(address, 0, mapped, 12, 4);
            address = mapped;
            prefix += 96;
        } else if (address.length == 16 && ipVersion == 4) {
            throw new IllegalArgumentException("IPv6 network in an IPv4 database: " + cidr);
        }
        if (prefix < 1 || prefix > address.length * 8) {
            throw new IllegalArgumentException("prefix length of " + cidr);
        }
        records.add(record);
        int node = 0;
        for (int i = 0; i < prefix; i++) {
            int bit = (address[i >> 3] >> (7 - (i & 7))) & 1;
            int[] slots = nodes.get(node);
            if (i == prefix - 1) {
                if (slots[bit] != EMPTY) {
                    throw new IllegalArgumentException("overlapping network " + cidr);
                }
                slots[bit] = -2 - (records.size() - 1);
            } else {
                if (slots[bit] == EMPTY) {
                    nodes.add(new int[] {EMPTY, EMPTY});
                    slots[bit] = nodes.size() - 1;
                } else if (slots[bit] < 0) {
                    throw new IllegalArgumentException("overlapping network " + cidr);
                }
                node = slots[bit];
            }
        }
        return this;
    }

    byte[] toBytes() {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        int[] offsets = new int[records.size()];
        for (int i = 0; i < records.size(); i++) {
            offsets[i] = data.size();
            encode(records.get(i), data);
        }
        long nodeCount = nodes.size();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int[] slots : nodes) {
            for (int slot : slots) {
                long value = slot == EMPTY ? nodeCount : slot >= 0 ? slot : nodeCount + 16 + offsets[-2 - slot];
                if (value >= 1L << 24) {
                    throw new IllegalStateException("too large for 24-bit records");
                }
                out.write((int) (value >> 16));
                out.write((int) (value >> 8));
                out.write((int) value);
            }
        }
        out.writeBytes(new byte[16]);
        out.writeBytes(data.toByteArray());
        out.writeBytes(METADATA_MARKER);
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("node_count", nodeCount);
        metadata.put("record_size", 24);
        metadata.put("ip_version", ipVersion);
        metadata.put("database_type", databaseType);
        metadata.put("languages", List.of("en"));
        metadata.put("binary_format_major_version", 2);
        metadata.put("binary_format_minor_version", 0);
        metadata.put("build_epoch", BigInteger.valueOf(buildTime.getEpochSecond()));
        metadata.put("description", Map.of("en", "test database " + databaseType));
        encode(metadata, out);
        return out.toByteArray();
    }

    Path writeTo(Path file) {
        try {
            return Files.write(file, toBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void encode(Object value, ByteArrayOutputStream out) {
        if (value instanceof String s) {
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            control(2, bytes.length, out);
            out.writeBytes(bytes);
        } else if (value instanceof Double d) {
            control(3, 8, out);
            writeBigEndian(Double.doubleToLongBits(d), 8, out);
        } else if (value instanceof Float f) {
            control(15, 4, out);
            writeBigEndian(Float.floatToIntBits(f), 4, out);
        } else if (value instanceof Integer i) {
            unsigned(5, BigInteger.valueOf(i), 2, out);
        } else if (value instanceof Long l) {
            unsigned(6, BigInteger.valueOf(l), 4, out);
        } else if (value instanceof BigInteger b) {
            unsigned(9, b, 8, out);
        } else if (value instanceof Boolean b) {
            control(14, b ? 1 : 0, out);
        } else if (value instanceof Map<?, ?> map) {
            control(7, map.size(), out);
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                encode((String) entry.getKey(), out);
                encode(entry.getValue(), out);
            }
        } else if (value instanceof List<?> list) {
            control(11, list.size(), out);
            for (Object element : list) {
                encode(element, out);
            }
        } else {
            throw new IllegalArgumentException("cannot encode " + value);
        }
    }

    private static void unsigned(int type, BigInteger value, int maxBytes, ByteArrayOutputStream out) {
        if (value.signum() < 0 || value.bitLength() > maxBytes * 8) {
            throw new IllegalArgumentException(value + " does not fit type " + type);
        }
        int size = (value.bitLength() + 7) / 8;
        control(type, size, out);
        writeBigEndian(value.longValue(), size, out);
    }

    /** Control byte: type in the top 3 bits (0 and an extra byte for types above 7), size in the low 5. */
    private static void control(int type, int size, ByteArrayOutputStream out) {
        int typeBits = type > 7 ? 0 : type << 5;
        int sizeBits;
        int sizeBytes;
        long extra;
        if (size < 29) {
            sizeBits = size;
            sizeBytes = 0;
            extra = 0;
        } else if (size < 29 + 256) {
            sizeBits = 29;
            sizeBytes = 1;
            extra = size - 29;
        } else if (size < 285 + 65_536) {
            sizeBits = 30;
            sizeBytes = 2;
            extra = size - 285;
        } else {
            sizeBits = 31;
            sizeBytes = 3;
            extra = size - 65_821;
        }
        out.write(typeBits | sizeBits);
        if (type > 7) {
            out.write(type - 7);
        }
        writeBigEndian(extra, sizeBytes, out);
    }

    private static void writeBigEndian(long value, int bytes, ByteArrayOutputStream out) {
        for (int i = bytes - 1; i >= 0; i--) {
            out.write((int) (value >>> (8 * i)));
        }
    }

    private static byte[] parseLiteral(String literal) {
        if (!literal.matches("[0-9A-Fa-f:.]+")) {
            throw new IllegalArgumentException("not an address literal: " + literal);
        }
        try {
            return InetAddress.getByName(literal).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }
}
