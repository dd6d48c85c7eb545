package org.ichnaea.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** WebMetrics keeps the meters it registered; a registry added later (StatsD) still gets what follows. */
class WebMetricsTest {

    @Test
    void a_registry_added_after_a_meter_was_first_used_gets_what_follows() {
        WebMetrics metrics = new WebMetrics();
        metrics.result("locate", Optional.empty());
        SimpleMeterRegistry later = new SimpleMeterRegistry();
        metrics.addRegistry(later);
        metrics.result("locate", Optional.empty());
        metrics.result("locate", Optional.empty());
        assertThat(later.get("locate_results").tag("result", "miss").counter().count()).isEqualTo(2.0);
        assertThat(metrics.scrape()).contains("locate_results_total{api=\"locate\",result=\"miss\",source=\"none\"} 3.0");
        metrics.result("region", Optional.empty());
        assertThat(metrics.scrape()).contains("locate_results_total{api=\"region\",result=\"miss\",source=\"none\"} 1.0");
        assertThat(later.get("locate_results").tag("api", "region").counter().count()).isEqualTo(1.0);
    }
}
