package org.ichnaea.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The request log's {@code api_response_sig}: Ichnaea's signature over Python's JSON of the answer. */
class RequestLogTest {

    @Test
    void signatures_match_ichnaeas_test_vectors() {
        // ichnaea/tests/test_util.py, test_generate_signature: (secret, reason, parts) -> first 16 hex digits.
        assertThat(RequestLog.signature("test", "SECRET", "")).startsWith("f9723a3fe9f622fe").hasSize(128);
        assertThat(RequestLog.signature("test", "SECRET", "1", "2", "3")).startsWith("e7af0dfc087777b5");
        assertThat(RequestLog.signature("other-test", "SECRET", "1", "2", "3")).startsWith("f182772afe6e6c7e");
        assertThat(RequestLog.signature("test", "NEW_SECRET", "1", "2", "3")).startsWith("7be3eced09a73d2f");
    }

    @Test
    void answers_are_written_as_pythons_json_dumps_with_sorted_keys() {
        Map<String, Object> location = new LinkedHashMap<>();
        location.put("lat", 54.0679);
        location.put("lng", 12.1186);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("location", location);
        body.put("accuracy", 5000.0);
        body.put("fallback", "ipf");
        assertThat(RequestLog.pythonJson(body)).isEqualTo(
                "{\"accuracy\": 5000.0, \"fallback\": \"ipf\", \"location\": {\"lat\": 54.0679, \"lng\": 12.1186}}");
        assertThat(RequestLog.pythonJson(Map.of("country_code", "CI", "country_name", "Côte d'Ivoire")))
                .isEqualTo("{\"country_code\": \"CI\", \"country_name\": \"C\\u00f4te d'Ivoire\"}");
        assertThat(RequestLog.pythonJson(List.of(1, true, "a\"b"))).isEqualTo("[1, true, \"a\\\"b\"]");
    }

    @Test
    void durations_are_written_with_one_decimal_as_format_does() {
        java.util.Random random = new java.util.Random(17);
        for (int i = 0; i < 100_000; i++) {
            float millis = i < 1000 ? i / 40f : random.nextFloat() * (i % 2 == 0 ? 100f : 100_000f);
            assertThat(RequestLog.tenths(millis)).as("%s", millis)
                    .isEqualTo(String.format(java.util.Locale.ROOT, "%.1f", millis));
        }
        assertThat(RequestLog.tenths(0.25f)).isEqualTo("0.3");
        assertThat(RequestLog.tenths(12.34f)).isEqualTo("12.3");
        assertThat(RequestLog.tenths(7f)).isEqualTo("7.0");
        assertThat(RequestLog.tenths(Float.NaN)).isEqualTo("NaN");
    }

    @Test
    void floats_are_written_as_pythons_repr() {
        assertThat(RequestLog.pythonFloat(5000.0)).isEqualTo("5000.0");
        assertThat(RequestLog.pythonFloat(0.0001)).isEqualTo("0.0001");
        assertThat(RequestLog.pythonFloat(0.00001)).isEqualTo("1e-05");
        assertThat(RequestLog.pythonFloat(-0.0000123)).isEqualTo("-1.23e-05");
        assertThat(RequestLog.pythonFloat(12345678.9)).isEqualTo("12345678.9");
        assertThat(RequestLog.pythonFloat(1e16)).isEqualTo("1e+16");
        assertThat(RequestLog.pythonFloat(-0.0)).isEqualTo("-0.0");
        assertThat(RequestLog.pythonFloat(52.5200001)).isEqualTo("52.5200001");
    }
}
