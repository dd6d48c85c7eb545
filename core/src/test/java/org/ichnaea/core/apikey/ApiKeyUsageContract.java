package org.ichnaea.core.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every usage counter does (ichnaea-behaviour.md §2.3); run against the fake and each real adapter. */
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
}
