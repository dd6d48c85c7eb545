package org.ichnaea.redis;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.ichnaea.core.apikey.ApiKeyUsage;
import org.ichnaea.core.apikey.ApiType;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.ScanIteration;

/**
 * Daily counters and unique users in Redis, with Ichnaea's keys (docs/api.md "Usage counters"):
 * {@code apilimit:<key>:<path>:<YYYYMMDD>} (INCR, 25 h) and {@code apiuser:<type>:<key>:<YYYY-MM-DD>} (PFADD, 8 days),
 * in one pipeline. The monitoring reads walk the day's {@code apilimit:} keys with {@code SCAN}, never {@code KEYS}
 * (on every master of a Redis Cluster: Jedis' scan iteration), and read them with one pipelined GET each.
 */
public final class RedisApiKeyUsage implements ApiKeyUsage {

    private static final DateTimeFormatter COMPACT = DateTimeFormatter.BASIC_ISO_DATE;
    private static final String LIMIT_PREFIX = "apilimit:";
    private static final int SCAN_COUNT = 1000;

    private final Redis redis;

    public RedisApiKeyUsage(Redis redis) {
        this.redis = redis;
    }

    private static String usersKey(String key, ApiType type, LocalDate day) {
        return "apiuser:" + type.name().toLowerCase(Locale.ROOT) + ":" + key + ":" + day;
    }

    @Override
    public long record(String key, ApiType type, String apiPath, String clientIp, LocalDate day) {
        String users = usersKey(key, type, day);
        String limit = LIMIT_PREFIX + key + ":" + apiPath + ":" + day.format(COMPACT);
        return redis.call("usage", () -> {
            try (AbstractPipeline pipeline = redis.client().pipelined()) {
                pipeline.pfadd(users, clientIp);
                pipeline.expire(users, 691_200);
                Response<Long> count = pipeline.incr(limit);
                pipeline.expire(limit, 90_000);
                pipeline.sync();
                return count.get();
            }
        });
    }

    @Override
    public long recordAll(String key, ApiType type, String apiPath, java.util.Collection<String> clientIps,
                          long requests, LocalDate day) {
        String users = usersKey(key, type, day);
        String limit = LIMIT_PREFIX + key + ":" + apiPath + ":" + day.format(COMPACT);
        return redis.call("usage", () -> {
            try (AbstractPipeline pipeline = redis.client().pipelined()) {
                if (!clientIps.isEmpty()) {
                    pipeline.pfadd(users, clientIps.toArray(String[]::new));
                    pipeline.expire(users, 691_200);
                }
                Response<Long> count = pipeline.incrBy(limit, requests);
                pipeline.expire(limit, 90_000);
                pipeline.sync();
                return count.get();
            }
        });
    }

    @Override
    public long uniqueUsers(String key, ApiType type, LocalDate day) {
        return redis.call("unique users", () -> redis.client().pfcount(usersKey(key, type, day)));
    }

    @Override
    public Map<String, Long> counts(String key, LocalDate day) {
        String prefix = LIMIT_PREFIX + key + ":";
        String suffix = ":" + day.format(COMPACT);
        Map<String, String> pathByName = new LinkedHashMap<>();
        scan(glob(prefix) + "*" + glob(suffix), name -> {
            if (name.length() > prefix.length() + suffix.length() && name.startsWith(prefix) && name.endsWith(suffix)) {
                String path = name.substring(prefix.length(), name.length() - suffix.length());
                if (path.indexOf(':') < 0) {
                    pathByName.put(name, path);
                }
            }
        });
        Map<String, Long> counts = new TreeMap<>();
        if (pathByName.isEmpty()) {
            return counts;
        }
        List<String> names = new ArrayList<>(pathByName.keySet());
        List<Response<String>> values = redis.call("usage counts", () -> {
            List<Response<String>> responses = new ArrayList<>(names.size());
            try (AbstractPipeline pipeline = redis.client().pipelined()) {
                for (String name : names) {
                    responses.add(pipeline.get(name));
                }
                pipeline.sync();
            }
            return responses;
        });
        for (int i = 0; i < names.size(); i++) {
            String value = values.get(i).get();
            if (value != null) {
                counts.put(pathByName.get(names.get(i)), Long.parseLong(value));
            }
        }
        return counts;
    }

    @Override
    public Set<String> keysUsed(LocalDate day) {
        String suffix = ":" + day.format(COMPACT);
        Set<String> keys = new TreeSet<>();
        scan(LIMIT_PREFIX + "*" + glob(suffix), name -> {
            if (name.startsWith(LIMIT_PREFIX) && name.endsWith(suffix)) {
                String keyAndPath = name.substring(LIMIT_PREFIX.length(), name.length() - suffix.length());
                int colon = keyAndPath.lastIndexOf(':');
                if (colon > 0) {
                    keys.add(keyAndPath.substring(0, colon));
                }
            }
        });
        return keys;
    }

    /**
     * Hands every key matching {@code pattern} to {@code action}, with {@code SCAN} (on each master of a cluster);
     * a key may come twice.
     */
    private void scan(String pattern, Consumer<String> action) {
        ScanIteration pages = redis.client().scanIteration(SCAN_COUNT, pattern);
        while (!pages.isIterationCompleted()) {
            redis.call("usage scan", pages::nextBatchList).forEach(action);
        }
    }

    /** {@code text} as a literal in a Redis glob pattern. */
    private static String glob(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c == '*' || c == '?' || c == '[' || c == ']' || c == '\\') {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }
}
