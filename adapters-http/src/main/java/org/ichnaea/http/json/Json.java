package org.ichnaea.http.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;

/**
 * JSON reading and writing with the leniency real clients need (docs/api.md "Lenient parsing"): numbers as numbers or
 * numeric strings, booleans as booleans, "true"/"false"/"0"/"1" or numbers; a value of the wrong type is absent.
 */
public final class Json {

    /**
     * The longest number accepted, as a JSON number (longer: the body is a parse error, Jackson's
     * {@code StreamReadConstraints.maxNumberLength}) or as a numeric string (longer: the field is dropped like any
     * other value of the wrong type). Real clients send at most about 25 characters ({@code -1.2345678901234567E-300});
     * a cap keeps number parsing linear in the body size, where {@code BigDecimal} and {@code BigInteger} are
     * quadratic in the number's length (a 100,000-digit string took 54 s of CPU).
     */
    public static final int MAX_NUMBER_LENGTH = 100;

    /**
     * Accepts NaN and Infinity like Python's parser; they are dropped where a finite number is needed. Numbers are
     * at most {@link #MAX_NUMBER_LENGTH} characters.
     */
    public static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNumberLength(MAX_NUMBER_LENGTH).build())
                    .build())
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    private Json() {
    }

    public static JsonNode parse(String text) throws JsonProcessingException {
        return MAPPER.readTree(text);
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /** A whole number: an integral JSON number, a float with no fraction, or a decimal string such as "01". */
    public static Long integer(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? node.longValue() : null;
        }
        if (node.isFloatingPointNumber()) {
            double d = node.doubleValue();
            return Double.isFinite(d) && d == Math.rint(d) && Math.abs(d) < 9.0e15 ? (long) d : null;
        }
        if (node.isTextual()) {
            String s = numeric(node.textValue());
            if (s == null) {
                return null;
            }
            if (s.matches("[+-]?\\d{1,18}")) {
                return Long.parseLong(s);
            }
            try {
                BigDecimal d = new BigDecimal(s);
                return d.stripTrailingZeros().scale() <= 0 && d.abs().compareTo(BigDecimal.valueOf(9.0e15)) < 0
                        ? d.longValue() : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** A finite number, or a numeric string. */
    public static Double number(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        double d;
        if (node.isNumber()) {
            d = node.doubleValue();
        } else if (node.isTextual()) {
            String s = numeric(node.textValue());
            if (s == null) {
                return null;
            }
            try {
                d = Double.parseDouble(s);
            } catch (NumberFormatException e) {
                return null;
            }
        } else {
            return null;
        }
        return Double.isFinite(d) ? d : null;
    }

    /** A numeric string without its surrounding blanks, or null when it is longer than any number a client sends. */
    private static String numeric(String text) {
        String s = text.trim();
        return s.length() > MAX_NUMBER_LENGTH ? null : s;
    }

    /** A string; other types are absent. */
    public static String string(JsonNode node) {
        return node != null && node.isTextual() ? node.textValue() : null;
    }

    /**
     * A boolean, parsed as Ichnaea does: the strings "false" and "0" (any case) and the number 0 are false, any
     * other present value is true; absent or null is null.
     */
    public static Boolean bool(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNumber()) {
            return node.doubleValue() != 0;
        }
        if (node.isTextual()) {
            String s = node.textValue().trim();
            return !(s.equalsIgnoreCase("false") || s.equals("0"));
        }
        return true;
    }

    /** The first present member of several spellings. */
    public static JsonNode field(JsonNode object, String... names) {
        for (String name : names) {
            JsonNode value = object.get(name);
            if (value != null && !value.isNull()) {
                return value;
            }
        }
        return null;
    }
}
