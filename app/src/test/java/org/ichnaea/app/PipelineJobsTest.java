package org.ichnaea.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The schedule of the periodic jobs (docs/architecture.md "Periodic jobs") and its setting. */
class PipelineJobsTest {

    @Test
    void ichnaeas_periods_by_default_overridable_and_off_with_zero() {
        assertThat(PipelineJobs.periods(null)).containsEntry("update_incoming", 32L)
                .containsEntry("update_statcounter", 600L).containsEntry("monitor_queue_size_and_rate_control", 60L);
        Map<String, Long> custom = PipelineJobs.periods(" update_incoming=5, update_tiles=0 ");
        assertThat(custom).containsEntry("update_incoming", 5L).containsEntry("update_tiles", 0L)
                .containsEntry("monitor_api_users", 600L);
    }

    @Test
    void bad_intervals_stop_start_up_with_the_variable_named() {
        assertThatThrownBy(() -> PipelineJobs.periods("update_everything=5"))
                .hasMessageContaining("ICHNAEA_JOB_INTERVALS").hasMessageContaining("update_everything");
        assertThatThrownBy(() -> PipelineJobs.periods("update_incoming=-1")).hasMessageContaining("seconds");
        assertThatThrownBy(() -> PipelineJobs.periods("update_incoming")).hasMessageContaining("name=seconds");
        assertThatThrownBy(() -> Settings.from(Map.of("ICHNAEA_JOB_INTERVALS", "x=1")))
                .hasMessageContaining("ICHNAEA_JOB_INTERVALS");
    }

    @Test
    void the_hourly_diff_export_runs_at_three_past_the_hour() {
        assertThat(PipelineJobs.initialDelay("cell_export_diff", Duration.ofHours(1),
                Instant.parse("2026-06-15T12:00:00Z"))).isEqualTo(Duration.ofMinutes(3));
        assertThat(PipelineJobs.initialDelay("cell_export_diff", Duration.ofHours(1),
                Instant.parse("2026-06-15T12:04:00Z"))).isEqualTo(Duration.ofMinutes(59));
        assertThat(PipelineJobs.initialDelay("update_incoming", Duration.ofSeconds(1), Instant.EPOCH))
                .isEqualTo(Duration.ofSeconds(1));
    }

    /** The periods and daily times the ICHNAEA_JOB_INTERVALS documentation states are the ones the jobs use. */
    @Test
    void the_documented_defaults_are_the_defaults() {
        String doc = Settings.JOB_INTERVALS.doc();
        java.util.Map<String, Long> periods = new java.util.LinkedHashMap<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\w+)=(\\d+)").matcher(doc);
        while (m.find()) {
            periods.put(m.group(1), Long.parseLong(m.group(2)));
        }
        assertThat(periods).isEqualTo(PipelineJobs.DEFAULT_PERIODS);
        java.util.Map<String, java.time.LocalTime> daily = new java.util.LinkedHashMap<>();
        java.util.regex.Matcher d = java.util.regex.Pattern.compile("(\\w+) (\\d\\d):(\\d\\d)").matcher(doc);
        while (d.find()) {
            daily.put(d.group(1), java.time.LocalTime.of(Integer.parseInt(d.group(2)), Integer.parseInt(d.group(3))));
        }
        assertThat(daily).isEqualTo(PipelineJobs.DAILY);
    }
}
