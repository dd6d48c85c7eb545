package org.ichnaea.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * Request bodies for {@link ApiFuzzTest}, drawn from a seeded {@link Random}: mostly JSON shaped like the API's
 * requests with values of random types (huge and non-finite numbers, numeric strings of any length, odd Unicode,
 * nested lists and objects, lists over the caps), and some deeply nested, truncated, non-JSON or binary bodies.
 */
final class FuzzBodies {

    /** Known Wi-Fi stations of the fuzzed server, so that some queries reach the clustering. */
    static final int KNOWN_WIFIS = 40;

    private static final List<String> NETWORK_FIELDS = List.of("macAddress", "key", "age", "signalStrength",
            "signal", "name", "channel", "frequency", "signalToNoiseRatio", "ssid", "radioType", "radio",
            "mobileCountryCode", "mcc", "mobileNetworkCode", "mnc", "locationAreaCode", "lac", "trackingAreaCode",
            "cellId", "cid", "newRadioCellId", "psc", "primaryScramblingCode", "physicalCellId", "pci",
            "timingAdvance", "ta", "asu");
    private static final List<String> POSITION_FIELDS = List.of("latitude", "longitude", "accuracy", "altitude",
            "altitudeAccuracy", "heading", "pressure", "speed", "age", "source", "lat", "lon", "altitude_accuracy",
            "time", "timestamp");
    private static final List<String> LISTS = List.of("wifiAccessPoints", "cellTowers", "bluetoothBeacons", "wifi",
            "cell", "blue");
    private static final List<String> WORDS = List.of("gsm", "wcdma", "umts", "lte", "nr", "cdma", "gnss", "gps",
            "fused", "fixed", "query", "false", "0", "true", "NaN", "Infinity", "-Infinity", "1e999", "-0", "01",
            "262", " 262 ", "2024-05-01T12:00:00+03:00", "2024-05-01", "_nomap", "x_optout", "aa:bb:cc:00:11:22",
            "AABBCC001122", "ff:ff:ff:ff:ff:ff", "00:00:00:00:00:00", "");

    /** Past this many characters a body gets no more long lists, long strings or long numbers (about 0.5 MB). */
    private static final int ROOM = 400_000;

    private final Random random;

    FuzzBodies(Random random) {
        this.random = random;
    }

    /** A body of any of the kinds, gzipped now and then (the caller says whether to send the header). */
    byte[] body() {
        int kind = random.nextInt(20);
        String text;
        if (kind < 13) {
            text = apiShaped();
        } else if (kind < 15) {
            text = deep();
        } else if (kind == 15) {
            text = hugeNumber();
        } else if (kind == 16) {
            String json = apiShaped();
            text = json.substring(0, random.nextInt(json.length() + 1));
        } else if (kind == 17) {
            StringBuilder out = new StringBuilder();
            value(out, 0);
            text = out.toString();
        } else {
            byte[] bytes = new byte[random.nextInt(kind == 18 ? 64 : 4096)];
            random.nextBytes(bytes);
            return bytes;
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] gzip(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A locate query, a submission (v2, v1 or v0 field names) or a mix, with random values here and there. */
    private String apiShaped() {
        StringBuilder out = new StringBuilder("{");
        boolean submission = random.nextBoolean();
        if (submission) {
            out.append("\"items\":");
            if (random.nextInt(10) == 0) {
                value(out, 2);
            } else {
                out.append('[');
                int n = random.nextInt(random.nextInt(10) == 0 ? 60 : 4);
                for (int i = 0; i < n && roomy(out); i++) {
                    comma(out, i);
                    if (random.nextInt(15) == 0) {
                        value(out, 2);
                    } else {
                        report(out);
                    }
                }
                out.append(']');
            }
        } else {
            out.append("\"considerIp\":");
            value(out, 3);
            out.append(",\"fallbacks\":");
            if (random.nextBoolean()) {
                out.append("{\"lacf\":");
                value(out, 3);
                out.append(",\"ipf\":");
                value(out, 3);
                out.append('}');
            } else {
                value(out, 2);
            }
            out.append(",\"radioType\":");
            scalar(out);
            networks(out);
        }
        if (submission && random.nextInt(8) == 0) {
            out.append(",\"").append(pick(LISTS)).append("\":");
            value(out, 1);
        }
        return out.append('}').toString();
    }

    private void report(StringBuilder out) {
        out.append('{');
        out.append("\"timestamp\":");
        switch (random.nextInt(5)) {
            case 0 -> out.append(1_714_554_000_000L + random.nextInt(1_000_000));
            case 1 -> out.append('"').append(digits(1 + random.nextInt(random.nextInt(5) == 0 && roomy(out)
                    ? 20_000 : 30))).append('"');
            default -> value(out, 2);
        }
        if (random.nextBoolean()) {
            out.append(",\"position\":");
            position(out);
        } else {
            positionFields(out, true);
        }
        networks(out);
        out.append('}');
    }

    private void position(StringBuilder out) {
        if (random.nextInt(10) == 0) {
            value(out, 2);
            return;
        }
        out.append('{');
        positionFields(out, false);
        out.append('}');
    }

    private void positionFields(StringBuilder out, boolean afterOthers) {
        java.util.Set<String> names = new java.util.HashSet<>(List.of("timestamp"));
        int n = random.nextInt(6);
        boolean first = !afterOthers;
        for (int i = 0; i < n; i++) {
            String name = pick(POSITION_FIELDS);
            if (!names.add(name)) {
                continue;
            }
            if (!first) {
                out.append(',');
            }
            first = false;
            out.append('"').append(name).append("\":");
            if (random.nextBoolean()) {
                out.append(random.nextDouble() * 360 - 180);
            } else {
                value(out, 2);
            }
        }
    }

    private void networks(StringBuilder out) {
        for (String list : LISTS) {
            if (random.nextInt(3) == 0) {
                continue;
            }
            out.append(",\"").append(list).append("\":");
            if (random.nextInt(12) == 0) {
                value(out, 2);
                continue;
            }
            int n;
            switch (roomy(out) ? random.nextInt(40) : 3) {
                case 0 -> n = 245 + random.nextInt(10);
                case 1 -> n = 495 + random.nextInt(10);
                case 2 -> n = 995 + random.nextInt(10);
                default -> n = random.nextInt(random.nextInt(4) == 0 ? 60 : 6);
            }
            out.append('[');
            for (int i = 0; i < n; i++) {
                comma(out, i);
                if (random.nextInt(20) == 0) {
                    value(out, 2);
                } else {
                    network(out);
                }
            }
            out.append(']');
        }
    }

    private void network(StringBuilder out) {
        out.append('{');
        java.util.Set<String> names = new java.util.HashSet<>();
        boolean plausible = random.nextInt(4) != 0;
        if (plausible) {
            out.append("\"macAddress\":\"").append(String.format("aa:bb:cc:00:00:%02x",
                    random.nextInt(KNOWN_WIFIS + 20))).append("\",\"radioType\":\"")
                    .append(pick(List.of("gsm", "wcdma", "lte", "nr"))).append("\",\"mcc\":262,\"mnc\":1,\"lac\":")
                    .append(1 + random.nextInt(3)).append(",\"cid\":").append(1 + random.nextInt(20));
            names.addAll(List.of("macAddress", "radioType", "mcc", "mnc", "lac", "cid"));
        }
        int n = random.nextInt(6);
        for (int i = 0; i < n; i++) {
            String name = pick(NETWORK_FIELDS);
            if (!names.add(name)) {
                continue;
            }
            if (names.size() > 1) {
                out.append(',');
            }
            out.append('"').append(name).append("\":");
            value(out, 3);
        }
        out.append('}');
    }

    /** Any JSON value; containers get rarer with depth. */
    private void value(StringBuilder out, int depth) {
        int kind = random.nextInt(depth >= 4 || !roomy(out) ? 8 : 11);
        switch (kind) {
            case 0, 1, 2, 3, 4 -> scalar(out);
            case 5 -> out.append(pick(List.of("true", "false", "null")));
            case 6 -> out.append('"').append(string(roomy(out))).append('"');
            case 7 -> out.append(pick(List.of("NaN", "Infinity", "-Infinity", "1e999", "-1e-999", "-0.0")));
            case 8, 9 -> {
                out.append('[');
                int n = random.nextInt(5);
                for (int i = 0; i < n; i++) {
                    comma(out, i);
                    value(out, depth + 1);
                }
                out.append(']');
            }
            default -> {
                out.append('{');
                java.util.Set<String> names = new java.util.LinkedHashSet<>();
                int n = random.nextInt(5);
                for (int i = 0; i < n; i++) {
                    names.add(random.nextBoolean() ? pick(NETWORK_FIELDS) : pick(POSITION_FIELDS));
                }
                int i = 0;
                for (String name : names) {
                    comma(out, i++);
                    out.append('"').append(name).append("\":");
                    value(out, depth + 1);
                }
                out.append('}');
            }
        }
    }

    /** A number of any size or precision, or a numeric or word string. */
    private void scalar(StringBuilder out) {
        switch (random.nextInt(9)) {
            case 0 -> out.append(random.nextInt(2000) - 1000);
            case 1 -> out.append(random.nextLong());
            case 2 -> out.append(random.nextDouble() * Math.pow(10, random.nextInt(40) - 20));
            case 3 -> out.append(digits(1 + random.nextInt(random.nextInt(4) == 0 ? 120 : 25)));
            // JSON numbers over 100 characters are a parse error; numeric strings over 100 are dropped
            case 4 -> out.append(digits(1 + random.nextInt(12))).append('.').append(digits(1 + random.nextInt(30)))
                    .append(random.nextBoolean() ? "e" + (random.nextInt(2000) - 1000) : "");
            case 5 -> out.append('"').append(random.nextBoolean() ? "-" : " ")
                    .append(digits(1 + random.nextInt(random.nextInt(6) == 0 && roomy(out) ? 50_000 : 20)))
                    .append(random.nextBoolean() ? ".5" : "").append('"');
            case 6 -> out.append('"').append(digits(1 + random.nextInt(9))).append('e')
                    .append(random.nextInt(2_000_000_000)).append('"');
            default -> out.append('"').append(pick(WORDS)).append('"');
        }
    }

    /** A JSON string body: escapes, control characters, surrogates (paired or not), long runs. */
    private String string(boolean roomy) {
        int length = random.nextInt(random.nextInt(8) == 0 && roomy ? 20_000 : 40);
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(12)) {
                case 0 -> out.append("\\u").append(String.format("%04x", random.nextInt(0x10000)));
                case 1 -> out.append(pick(List.of("\\\"", "\\\\", "\\n", "\\t", "\\/")));
                case 2 -> out.appendCodePoint(0x80 + random.nextInt(0x10FFFF - 0x80));
                case 3 -> out.append("_nomap");
                default -> out.append((char) ('a' + random.nextInt(26)));
            }
        }
        String s = out.toString();
        // appendCodePoint above may produce a lone surrogate code point; keep the text valid UTF-16 for encoding
        return s.replaceAll("[\\ud800-\\udfff]", "x");
    }

    private String deep() {
        int depth = 1 + random.nextInt(3000);
        boolean objects = random.nextBoolean();
        StringBuilder out = new StringBuilder(depth * 8);
        for (int i = 0; i < depth; i++) {
            out.append(objects ? "{\"items\":" : "[");
        }
        out.append("1");
        for (int i = 0; i < depth; i++) {
            out.append(objects ? '}' : ']');
        }
        return out.toString();
    }

    private String hugeNumber() {
        String digits = digits(1 + random.nextInt(100_000));
        String field = pick(List.of("timestamp", "considerIp", "items"));
        return switch (random.nextInt(3)) {
            case 0 -> "{\"items\":[{\"timestamp\":\"" + digits + "\",\"wifi\":[],\"position\":{\"latitude\":\""
                    + digits + "\"}}]}";
            case 1 -> "{\"" + field + "\":" + digits + "}";
            default -> "{\"cellTowers\":[{\"cellId\":\"" + digits + ".0\",\"mcc\":\"" + digits + "e-5\"}]}";
        };
    }

    private String digits(int n) {
        StringBuilder out = new StringBuilder(n);
        out.append((char) ('1' + random.nextInt(9)));
        for (int i = 1; i < n; i++) {
            out.append((char) ('0' + random.nextInt(10)));
        }
        return out.toString();
    }

    private static boolean roomy(StringBuilder out) {
        return out.length() < ROOM;
    }

    private static void comma(StringBuilder out, int i) {
        if (i > 0) {
            out.append(',');
        }
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
