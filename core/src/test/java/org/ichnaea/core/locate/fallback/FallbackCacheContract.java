package org.ichnaea.core.locate.fallback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every fallback cache does; run against the fake and each real adapter. */
public abstract class FallbackCacheContract {

    protected FallbackCache cache;

    protected abstract FallbackCache newCache();

    @BeforeEach
    void createCache() {
        cache = newCache();
    }

    @Test
    void gives_back_found_and_not_found_answers_per_key_in_order() {
        FallbackAnswer found = new FallbackAnswer.Found(51.5, -0.1, 1234.5, "lacf");
        cache.putAll(List.of("k:a", "k:b"), found, Duration.ofMinutes(5));
        cache.putAll(List.of("k:c"), new FallbackAnswer.NotFound(), Duration.ofMinutes(5));

        assertThat(cache.getAll(List.of("k:c", "k:missing", "k:b", "k:a")))
                .containsExactly(Optional.of(new FallbackAnswer.NotFound()), Optional.empty(), Optional.of(found),
                        Optional.of(found));
    }

    @Test
    void a_found_answer_without_tag_stays_untagged() {
        FallbackAnswer found = new FallbackAnswer.Found(-33.9, 151.2, 20, null);
        cache.putAll(List.of("k:x"), found, Duration.ofMinutes(5));

        assertThat(cache.getAll(List.of("k:x"))).containsExactly(Optional.of(found));
    }
}
