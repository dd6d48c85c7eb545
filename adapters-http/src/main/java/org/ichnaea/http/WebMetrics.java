package org.ichnaea.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
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
        String method = ctx.method().name();
        int status = ctx.status().getCode();
        meter(new MeterKey("http_server_requests", route, method, Integer.toString(status)),
                k -> Timer.builder(k.name).tag("path", k.a).tag("method", k.b).tag("status", k.c).register(registry))
                .record(Duration.ofNanos((long) (millis * 1_000_000)));
        String key = ctx.attribute(ApiKeyGate.METRIC_KEY_ATTRIBUTE);
        if (key == null) {
            key = ctx.attribute(ApiKeyGate.KEY_ATTRIBUTE);
        }
        String apiPath = ctx.attribute(ApiKeyGate.PATH_ATTRIBUTE);
        if (apiPath != null) {
            meter(new MeterKey("api_key_requests", key == null ? "none" : key, apiPath, ""),
                    k -> Counter.builder(k.name).tag("key", k.a).tag("api", k.b).register(registry)).increment();
        }
    }

    void result(String api, Optional<Result> best) {
        meter(new MeterKey("locate_results", api, best.isPresent() ? "hit" : "miss",
                        best.map(r -> r.source().name().toLowerCase(java.util.Locale.ROOT)).orElse("none")),
                k -> Counter.builder(k.name).tag("api", k.a).tag("result", k.b).tag("source", k.c).register(registry))
                .increment();
    }

    /** A meter by name and tag values, in the order its builder above takes them. */
    private record MeterKey(String name, String a, String b, String c) {
    }

    /**
     * Meters already registered, by name and tags, at most 10,000 (many API keys: the others are looked up in the
     * registry again): a Micrometer builder and {@code register} per request built and sorted the tags and looked
     * them up in the composite registry (about 1.5 us of a locate request's CPU).
     */
    private final Cache<MeterKey, Meter> remembered = Caffeine.newBuilder().maximumSize(10_000).build();

    @SuppressWarnings("unchecked")
    private <M extends Meter> M meter(MeterKey key, Function<MeterKey, M> register) {
        return (M) remembered.get(key, register);
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
