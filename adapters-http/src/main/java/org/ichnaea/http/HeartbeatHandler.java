package org.ichnaea.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code /__heartbeat__} (docs/api.md "/__heartbeat__"): each backend's state and check time in whole ms; 503 when one
 * is down. The checks run in parallel under one deadline ({@link #DEFAULT_DEADLINE}), so the answer comes within
 * about that whatever the backends do: a check that has not answered by then counts as down
 * ({@code "up": false, "time": 0} and its {@link HealthCheck#downExtra}), and while it is still running the next
 * heartbeats wait on the same call instead of starting another. A check that throws reports
 * {@code "up": null, "time": -1}.
 */
final class HeartbeatHandler implements Handler {

    /** Leaves room under the 1 s the heartbeat promises. */
    static final Duration DEFAULT_DEADLINE = Duration.ofMillis(700);

    private record Outcome(HealthCheck.Health health, long millis) {
    }

    private final Map<String, HealthCheck> checks;
    private final long deadlineNanos;
    private final Executor executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "ichnaea-heartbeat");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, CompletableFuture<Outcome>> running = new ConcurrentHashMap<>();

    HeartbeatHandler(Map<String, HealthCheck> checks) {
        this(checks, DEFAULT_DEADLINE);
    }

    HeartbeatHandler(Map<String, HealthCheck> checks, Duration deadline) {
        this.checks = checks;
        this.deadlineNanos = deadline.toNanos();
    }

    @Override
    public void handle(Context ctx) {
        long deadline = System.nanoTime() + deadlineNanos;
        Map<String, CompletableFuture<Outcome>> started = new LinkedHashMap<>();
        checks.forEach((name, check) -> started.put(name, start(name, check)));
        Map<String, Object> body = new LinkedHashMap<>();
        boolean allUp = true;
        for (Map.Entry<String, CompletableFuture<Outcome>> entry : started.entrySet()) {
            Map<String, Object> result = new LinkedHashMap<>();
            try {
                Outcome outcome = entry.getValue().get(Math.max(0, deadline - System.nanoTime()),
                        TimeUnit.NANOSECONDS);
                result.put("up", outcome.health().up());
                result.put("time", outcome.health().up() ? outcome.millis() : 0);
                result.putAll(outcome.health().extra());
                allUp &= outcome.health().up();
            } catch (TimeoutException e) {
                result.put("up", false);
                result.put("time", 0);
                result.putAll(checks.get(entry.getKey()).downExtra());
                allUp = false;
            } catch (ExecutionException e) {
                result.put("up", null);
                result.put("time", -1);
                allUp = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                result.put("up", null);
                result.put("time", -1);
                allUp = false;
            }
            body.put(entry.getKey(), result);
        }
        Responses.json(ctx, allUp ? 200 : 503, body);
    }

    /** The check's call still running from an earlier heartbeat, or a new one. */
    private CompletableFuture<Outcome> start(String name, HealthCheck check) {
        return running.compute(name, (key, previous) -> {
            if (previous != null && !previous.isDone()) {
                return previous;
            }
            return CompletableFuture.supplyAsync(() -> {
                long start = System.nanoTime();
                HealthCheck.Health health = check.check();
                return new Outcome(health, (System.nanoTime() - start) / 1_000_000);
            }, executor);
        });
    }
}
