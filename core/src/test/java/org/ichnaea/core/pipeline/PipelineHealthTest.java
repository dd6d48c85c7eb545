package org.ichnaea.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class PipelineHealthTest {

    private Instant now = Instant.parse("2026-12-06T12:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void failing_only_after_three_failures_in_a_row_and_five_minutes_without_success() {
        PipelineHealth health = new PipelineHealth(clock);
        for (int i = 0; i < 10; i++) {
            health.failure(new IllegalStateException("Row \"53001\" not found in primary index"));
        }
        assertThat(health.isFailing()).as("within the grace period").isFalse();
        now = now.plus(Duration.ofMinutes(5));
        assertThat(health.isFailing()).isTrue();
        assertThat(health.lastError()).contains("not found in primary index");

        health.success();
        assertThat(health.isFailing()).isFalse();
        now = now.plus(Duration.ofMinutes(10));
        health.failure(new IllegalStateException("one"));
        health.failure(new IllegalStateException("two"));
        assertThat(health.isFailing()).as("two failures are not yet three").isFalse();
        health.failure(new IllegalStateException("three"));
        assertThat(health.isFailing()).isTrue();
        assertThat(health.consecutiveFailures()).isEqualTo(3);
    }
}
