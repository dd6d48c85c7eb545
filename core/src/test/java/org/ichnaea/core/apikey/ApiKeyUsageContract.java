package org.ichnaea.core.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every usage counter does (docs/api.md "Usage counters"); run against the fake and each real adapter. */
public abstract class ApiKeyUsageContract {

    protected ApiKeyUsage usage;

    protected abstract ApiKeyUsage newUsage();

    @BeforeEach
    void createUsage() {
        usage = newUsage();
    }

    @Test
    void counts_per_key_path_and_day() {
        LocalDate day = LocalDate.of(2026, 6, 15);
        assertThat(usage.record("contract-k", ApiType.LOCATE, "v1.geolocate", "1.2.3.4", day)).isEqualTo(1);
        assertThat(usage.record("contract-k", ApiType.LOCATE, "v1.geolocate", "1.2.3.4", day)).isEqualTo(2);
        assertThat(usage.record("contract-k", ApiType.SUBMIT, "v2.geosubmit", "1.2.3.4", day)).isEqualTo(1);
        assertThat(usage.record("contract-k", ApiType.LOCATE, "v1.geolocate", "1.2.3.4", day.plusDays(1)))
                .isEqualTo(1);
        assertThat(usage.record("contract-other", ApiType.LOCATE, "v1.geolocate", "1.2.3.4", day)).isEqualTo(1);
    }

    @Test
    void counts_a_batch_at_once_with_its_addresses() {
        LocalDate day = LocalDate.of(2026, 6, 15);
        usage.record("contract-b", ApiType.LOCATE, "v1.geolocate", "1.2.3.4", day);
        assertThat(usage.recordAll("contract-b", ApiType.LOCATE, "v1.geolocate",
                java.util.List.of("1.2.3.4", "1.2.3.5", "1.2.3.6"), 7, day)).isEqualTo(8);
        assertThat(usage.recordAll("contract-b", ApiType.LOCATE, "v1.geolocate", java.util.List.of(), 2, day))
                .isEqualTo(10);
        assertThat(usage.uniqueUsers("contract-b", ApiType.LOCATE, day)).isEqualTo(3);
        assertThat(usage.counts("contract-b", day)).isEqualTo(Map.of("v1.geolocate", 10L));
    }

    @Test
    void counts_distinct_client_addresses_per_key_type_and_day() {
        LocalDate day = LocalDate.of(2026, 6, 15);
        usage.record("contract-u", ApiType.LOCATE, "v1.geolocate", "1.2.3.4", day);
        usage.record("contract-u", ApiType.LOCATE, "v1.geolocate", "1.2.3.4", day);
        usage.record("contract-u", ApiType.LOCATE, "v1.geolocate", "2001:db8::1", day);
        usage.record("contract-u", ApiType.SUBMIT, "v2.geosubmit", "5.6.7.8", day);
        assertThat(usage.uniqueUsers("contract-u", ApiType.LOCATE, day)).isEqualTo(2);
        assertThat(usage.uniqueUsers("contract-u", ApiType.SUBMIT, day)).isEqualTo(1);
        assertThat(usage.uniqueUsers("contract-u", ApiType.LOCATE, day.minusDays(1))).isZero();
    }

    @Test
    void answers_the_days_counts_per_api_path() {
        LocalDate day = LocalDate.of(2026, 6, 15);
        usage.record("contract-c", ApiType.LOCATE, "v1.geolocate", "1.2.3.4", day);
        usage.record("contract-c", ApiType.LOCATE, "v1.geolocate", "1.2.3.5", day);
        usage.record("contract-c", ApiType.SUBMIT, "v2.geosubmit", "1.2.3.4", day);
        usage.record("contract-c", ApiType.LOCATE, "v1.geolocate", "1.2.3.4", day.minusDays(1));
        usage.record("contract-c2", ApiType.LOCATE, "v1.geolocate", "1.2.3.4", day);
        usage.record("contract", ApiType.SUBMIT, "v1.submit", "1.2.3.4", day);

        assertThat(usage.counts("contract-c", day)).isEqualTo(Map.of("v1.geolocate", 2L, "v2.geosubmit", 1L));
        assertThat(usage.counts("contract-c", day.minusDays(1))).isEqualTo(Map.of("v1.geolocate", 1L));
        assertThat(usage.counts("contract", day)).isEqualTo(Map.of("v1.submit", 1L));
        assertThat(usage.counts("contract-c", day.plusDays(1))).isEmpty();
        assertThat(usage.counts("never-used", day)).isEmpty();
    }

    @Test
    void counts_keys_with_pattern_characters_literally() {
        LocalDate day = LocalDate.of(2026, 6, 15);
        usage.record("contract*[k]?", ApiType.LOCATE, "v1.geolocate", "1.2.3.4", day);
        usage.record("contract-xk]", ApiType.LOCATE, "v1.geolocate", "1.2.3.4", day);

        assertThat(usage.counts("contract*[k]?", day)).isEqualTo(Map.of("v1.geolocate", 1L));
        assertThat(usage.counts("contract*", day)).isEmpty();
    }

    @Test
    void lists_the_keys_used_on_a_day() {
        LocalDate day = LocalDate.of(2026, 6, 15);
        usage.record("contract-a", ApiType.LOCATE, "v1.geolocate", "1.2.3.4", day);
        usage.record("contract-a", ApiType.SUBMIT, "v2.geosubmit", "1.2.3.4", day);
        usage.record("contract-b", ApiType.SUBMIT, "v1.geosubmit", "1.2.3.4", day);
        usage.record("contract-old", ApiType.LOCATE, "v1.geolocate", "1.2.3.4", day.minusDays(1));

        assertThat(usage.keysUsed(day)).containsExactlyInAnyOrder("contract-a", "contract-b");
        assertThat(usage.keysUsed(day.plusDays(1))).isEmpty();
    }
}
