package org.ichnaea.core.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Keys in logs and metric labels: never whole, and apart even when they share a prefix. */
class ApiKeyShortenTest {

    @Test
    void a_key_is_shown_as_a_short_prefix_and_a_hash() {
        assertThat(ApiKey.shorten("relkey_lim100")).isEqualTo("relk…e4e677a3ba4b");
        assertThat(ApiKey.shorten("test")).isEqualTo("t…9f86d081884c");
        assertThat(ApiKey.shorten("ab")).isEqualTo("…fb8e20fc2e4c");
        assertThat(ApiKey.withDefaults("relkey_lim100").redacted()).isEqualTo("relk…e4e677a3ba4b");
        assertThat(ApiKey.withDefaults("relkey_lim100").toString()).doesNotContain("relkey_lim100");
    }

    @Test
    void keys_that_share_a_prefix_never_share_a_label_and_no_label_holds_its_key() {
        Set<String> labels = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String key = "relkey_lim" + i;
            String label = ApiKey.shorten(key);
            assertThat(label).doesNotContain(key).hasSizeLessThanOrEqualTo(17);
            labels.add(label);
        }
        assertThat(labels).hasSize(10_000);
    }
}
