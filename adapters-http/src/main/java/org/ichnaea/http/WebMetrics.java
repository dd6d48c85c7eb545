package org.ichnaea.http;

import io.javalin.http.Context;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.ichnaea.core.locate.Result;

/**
 * Micrometer metrics in Prometheus format at {@code /__metrics__}: requests by path, method and status with timings
 * ({@code http_server_requests}), locate and region results by outcome and source ({@code locate_results}), requests
 * per API key and API ({@code api_key_requests}, keys shortened as in the logs), queue sizes ({@code queue_size}) and
 * old {@code /v1/submit} items posted to the geosubmit APIs ({@code submit_v0_items}).
 */
public final class WebMetrics {

    private final PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    /** Where every meter is registered: Prometheus, and whatever {@link #addRegistry} adds (StatsD). */
    private final io.micrometer.core.instrument.composite.CompositeMeterRegistry registry =
            new io.micrometer.core.instrument.composite.CompositeMeterRegistry(
                    io.micrometer.core.instrument.Clock.SYSTEM, java.util.List.of(prometheus));

    /** Publishes the size of each named queue, read at scrape time (failures read as -1). */
    public WebMetrics(Map<String, Supplier<Long>> queues) {
        queues.forEach((name, size) -> Gauge.builder("queue_size", () -> {
            try {
                return size.get();
            } catch (RuntimeException e) {
                return -1;
            }
        }).tag("queue", name).description("Items waiting in a pipeline queue").register(registry));
    }

    public WebMetrics() {
        this(Map.of());
    }

    void request(Context ctx, float millis) {
        String route;
        try {
            route = ctx.endpoint() == null ? "unmatched" : ctx.endpoint().path;
        } catch (RuntimeException e) {
            route = "unmatched";
        }
        Timer.builder("http_server_requests").tag("path", route).tag("method", ctx.method().name())
                .tag("status", Integer.toString(ctx.status().getCode())).register(registry)
                .record(Duration.ofNanos((long) (millis * 1_000_000)));
        String key = ctx.attribute(ApiKeyGate.KEY_ATTRIBUTE);
        String apiPath = ctx.attribute(ApiKeyGate.PATH_ATTRIBUTE);
        if (apiPath != null) {
            Counter.builder("api_key_requests").tag("key", key == null ? "none" : key).tag("api", apiPath)
                    .register(registry).increment();
        }
    }

    void result(String api, Optional<Result> best) {
        Counter.builder("locate_results").tag("api", api).tag("result", best.isPresent() ? "hit" : "miss")
                .tag("source", best.map(r -> r.source().name().toLowerCase(java.util.Locale.ROOT)).orElse("none"))
                .register(registry).increment();
    }

    /**
     * Counts old {@code /v1/submit} items posted to a geosubmit API ({@code submit_v0_items}), read as such: GeoClue
     * 2.6 sends them to {@code /v2/geosubmit}.
     */
    void v0Items(String apiPath, int items) {
        Counter.builder("submit_v0_items").tag("api", apiPath)
                .description("Old /v1/submit items posted to a geosubmit API and read as such")
                .register(registry).increment(items);
    }

    String scrape() {
        return prometheus.scrape();
    }

    /** An API key as metrics and logs show it: enough to tell keys apart, never the whole key. */
    public static String shortKey(String key) {
        return ApiKeyGate.redact(key);
    }

    /** The registry to add meters to: they reach Prometheus and every registry added. */
    public io.micrometer.core.instrument.MeterRegistry registry() {
        return registry;
    }

    /** Also publishes every meter, those registered already included, to {@code other} (a StatsD registry). */
    public void addRegistry(io.micrometer.core.instrument.MeterRegistry other) {
        registry.add(other);
    }
}
