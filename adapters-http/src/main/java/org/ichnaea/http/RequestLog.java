package org.ichnaea.http;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.ichnaea.core.locate.Result;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * The one log line per request (docs/api.md, "Request log"), on the logger
 * {@code org.ichnaea.http.requests} at INFO: {@code http_method}, {@code http_path}, {@code http_status},
 * {@code duration_ms}, {@code api_path}, {@code api_key} (shortened), and for the locate and region APIs what they
 * answered: {@code result_status} (hit or miss), {@code result_source} (internal, fallback or geoip: which source's
 * answer was chosen), {@code result_fallback} (the answer's {@code fallback} field, ipf or lacf) and, for a hit,
 * Ichnaea's {@code api_response_sig}. The fields are the message text ({@code key=value ...}) and also SLF4J key-value
 * pairs, which the JSON log format writes as fields of their own.
 *
 * <p>{@code api_response_sig} is the first 8 hex digits of Ichnaea's {@code generate_signature("response-sig",
 * response JSON with sorted keys, client address, request URL)}: SHA-512 over those parts, the reason and
 * {@code SECRET_KEY}. The same answer to the same client for the same URL (key included) gives the same signature,
 * so repeated answers can be counted in the logs without logging any position; without the secret the signature
 * cannot be recomputed from a guessed position.
 */
public final class RequestLog {

    static final Logger REQUESTS = LoggerFactory.getLogger("org.ichnaea.http.requests");
    /** The best result of a locate or region request ({@code Optional<Result>}). */
    static final String RESULT = "ichnaea.result";
    /** The body of a locate or region answer ({@code Map}), for the signature. */
    static final String RESPONSE = "ichnaea.response";

    private RequestLog() {
    }

    /** Records what a locate or region search found. */
    static void result(Context ctx, Optional<Result> best) {
        ctx.attribute(RESULT, best);
    }

    /** Records the body of a locate or region answer. */
    static void response(Context ctx, Map<String, Object> body) {
        ctx.attribute(RESPONSE, body);
    }

    /** Writes the request's line, if INFO is on for the logger. */
    static void log(Context ctx, float millis, String secretKey) {
        if (!REQUESTS.isInfoEnabled()) {
            return;
        }
        Map<String, String> fields = fields(ctx, millis, secretKey);
        StringBuilder message = new StringBuilder();
        LoggingEventBuilder event = REQUESTS.atInfo();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            if (!message.isEmpty()) {
                message.append(' ');
            }
            message.append(field.getKey()).append('=').append(field.getValue());
            event = event.addKeyValue(field.getKey(), field.getValue());
        }
        event.setMessage(message.toString()).log();
    }

    static Map<String, String> fields(Context ctx, float millis, String secretKey) {
        String key = ctx.attribute(ApiKeyGate.KEY_ATTRIBUTE);
        String apiPath = ctx.attribute(ApiKeyGate.PATH_ATTRIBUTE);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("http_method", ctx.method().name());
        fields.put("http_path", ctx.path());
        fields.put("http_status", Integer.toString(ctx.status().getCode()));
        fields.put("duration_ms", tenths(millis));
        fields.put("api_path", apiPath == null ? "-" : apiPath);
        fields.put("api_key", key == null ? "-" : key);
        Optional<Result> result = ctx.attribute(RESULT);
        if (result != null) {
            fields.put("result_status", result.isPresent() ? "hit" : "miss");
            fields.put("result_source", result.map(r -> r.source().name().toLowerCase(Locale.ROOT)).orElse("-"));
            fields.put("result_fallback", result.map(Result::fallback).orElse("-"));
            Map<String, Object> body = ctx.attribute(RESPONSE);
            if (body != null) {
                fields.put("api_response_sig", signature("response-sig", secretKey, pythonJson(body),
                        ClientAddress.of(ctx), ctx.fullUrl()).substring(0, 8));
            }
        }
        return fields;
    }

    /** {@code millis} with one decimal, as {@code %.1f} writes it (String.format was 1.4 % of a locate's CPU). */
    static String tenths(float millis) {
        if (!(millis >= 0) || millis > 1e12) {
            return String.format(Locale.ROOT, "%.1f", millis);
        }
        long tenths = Math.round(millis * 10.0);
        return (tenths / 10) + "." + (tenths % 10);
    }

    /**
     * Ichnaea's {@code generate_signature(reason, *parts)}: the SHA-512 hex digest of the parts, the reason and the
     * secret key, concatenated without separators (Ichnaea's test vectors: secret {@code SECRET}, reason {@code test},
     * parts {@code 1,2,3} give a digest starting {@code e7af0dfc087777b5}).
     */
    static String signature(String reason, String secretKey, String... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-512");
            for (String part : parts) {
                sha.update((part == null ? "None" : part).getBytes(StandardCharsets.UTF_8));
            }
            sha.update(reason.getBytes(StandardCharsets.UTF_8));
            sha.update(secretKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * JSON as Python's {@code json.dumps(value, sort_keys=True)} writes it, which Ichnaea signs: keys sorted,
     * {@code ", "} and {@code ": "} between items, non-ASCII escaped as {@code \\uXXXX}, floats as Python's
     * {@code repr}.
     */
    static String pythonJson(Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value);
        return out.toString();
    }

    private static void write(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : new TreeMap<>(map).entrySet()) {
                out.append(first ? "" : ", ");
                first = false;
                string(out, String.valueOf(e.getKey()));
                out.append(": ");
                write(out, e.getValue());
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : ", ");
                write(out, list.get(i));
            }
            out.append(']');
        } else if (value instanceof Double || value instanceof Float) {
            out.append(pythonFloat(((Number) value).doubleValue()));
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value instanceof Boolean b ? (b ? "true" : "false") : value.toString());
        } else {
            string(out, value.toString());
        }
    }

    private static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** Python's {@code repr(float)}: the shortest round-trip digits, positional from 1e-4 up to 1e16. */
    static String pythonFloat(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        if (d == 0) {
            return 1 / d < 0 ? "-0.0" : "0.0";
        }
        java.math.BigDecimal exact = new java.math.BigDecimal(Double.toString(d)).stripTrailingZeros();
        double abs = Math.abs(d);
        if (abs >= 1e-4 && abs < 1e16) {
            String plain = exact.toPlainString();
            return plain.contains(".") ? plain : plain + ".0";
        }
        String digits = exact.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - exact.scale();
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return (d < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+")
                + String.format(Locale.ROOT, "%02d", Math.abs(exponent));
    }
}
