package org.ichnaea.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /__heartbeat__} (ichnaea-behaviour.md §1.6): each backend's state and check time in whole ms; 503 when one
 * is down. A check that throws reports {@code "up": null, "time": -1}.
 */
final class HeartbeatHandler implements Handler {

    private final Map<String, HealthCheck> checks;

    HeartbeatHandler(Map<String, HealthCheck> checks) {
        this.checks = checks;
    }

    @Override
    public void handle(Context ctx) {
        Map<String, Object> body = new LinkedHashMap<>();
        boolean allUp = true;
        for (Map.Entry<String, HealthCheck> check : checks.entrySet()) {
            Map<String, Object> result = new LinkedHashMap<>();
            long start = System.nanoTime();
            try {
                HealthCheck.Health health = check.getValue().check();
                long ms = (System.nanoTime() - start) / 1_000_000;
                result.put("up", health.up());
                result.put("time", health.up() ? ms : 0);
                result.putAll(health.extra());
                allUp &= health.up();
            } catch (RuntimeException e) {
                result.put("up", null);
                result.put("time", -1);
                allUp = false;
            }
            body.put(check.getKey(), result);
        }
        Responses.json(ctx, allUp ? 200 : 503, body);
    }
}
