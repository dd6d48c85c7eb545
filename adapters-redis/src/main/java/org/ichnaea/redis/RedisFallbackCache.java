package org.ichnaea.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.ichnaea.core.locate.fallback.FallbackAnswer;
import org.ichnaea.core.locate.fallback.FallbackCache;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.params.SetParams;

/**
 * Cached fallback answers in Redis: the value is Ichnaea's JSON {@code {"lat", "lon", "accuracy", "fallback"}}, or
 * the JSON string {@code "404"} for not-found; one pipelined GET, or SET with EX, per key (single-key commands, so a
 * Redis Cluster serves them wherever the keys' slots lie). An unreadable value is a miss.
 */
public final class RedisFallbackCache implements FallbackCache {

    private static final String NOT_FOUND = "\"404\"";
    private static final java.util.regex.Pattern FOUND = java.util.regex.Pattern.compile(
            "\\{\"lat\":([-0-9.eE]+),\"lon\":([-0-9.eE]+),\"accuracy\":([-0-9.eE]+),\"fallback\":(null|\"lacf\")}");

    private final Redis redis;

    public RedisFallbackCache(Redis redis) {
        this.redis = redis;
    }

    @Override
    public List<Optional<FallbackAnswer>> getAll(List<String> keys) {
        List<Response<String>> values = redis.call("fallback cache read", () -> {
            List<Response<String>> responses = new ArrayList<>(keys.size());
            try (AbstractPipeline pipeline = redis.client().pipelined()) {
                for (String key : keys) {
                    responses.add(pipeline.get(key));
                }
                pipeline.sync();
            }
            return responses;
        });
        List<Optional<FallbackAnswer>> out = new ArrayList<>(values.size());
        for (Response<String> value : values) {
            out.add(Optional.ofNullable(value.get()).flatMap(RedisFallbackCache::parse));
        }
        return out;
    }

    static Optional<FallbackAnswer> parse(String value) {
        if (NOT_FOUND.equals(value)) {
            return Optional.of(new FallbackAnswer.NotFound());
        }
        var m = FOUND.matcher(value);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new FallbackAnswer.Found(Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)),
                    Double.parseDouble(m.group(3)), "null".equals(m.group(4)) ? null : "lacf"));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static String format(FallbackAnswer answer) {
        if (answer instanceof FallbackAnswer.Found f) {
            return String.format(Locale.ROOT, "{\"lat\":%s,\"lon\":%s,\"accuracy\":%s,\"fallback\":%s}",
                    Double.toString(f.lat()), Double.toString(f.lon()), Double.toString(f.accuracy()),
                    f.fallback() == null ? "null" : "\"" + f.fallback() + "\"");
        }
        return NOT_FOUND;
    }

    @Override
    public void putAll(List<String> keys, FallbackAnswer answer, Duration ttl) {
        String value = format(answer);
        redis.call("fallback cache write", () -> {
            try (AbstractPipeline pipeline = redis.client().pipelined()) {
                for (String key : keys) {
                    pipeline.set(key, value, SetParams.setParams().ex(Math.max(1, ttl.toSeconds())));
                }
                pipeline.sync();
                return null;
            }
        });
    }
}
