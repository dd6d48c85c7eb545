package org.ichnaea.redis;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.ichnaea.core.apikey.ApiKeyUsage;
import org.ichnaea.core.apikey.ApiType;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;

/**
 * Daily counters and unique users in Redis, with Ichnaea's keys (ichnaea-behaviour.md §2.3):
 * {@code apilimit:<key>:<path>:<YYYYMMDD>} (INCR, 25 h) and {@code apiuser:<type>:<key>:<YYYY-MM-DD>} (PFADD, 8 days),
 * in one pipeline.
 */
public final class RedisApiKeyUsage implements ApiKeyUsage {

    private static final DateTimeFormatter COMPACT = DateTimeFormatter.BASIC_ISO_DATE;

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
        String limit = "apilimit:" + key + ":" + apiPath + ":" + day.format(COMPACT);
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
    public long uniqueUsers(String key, ApiType type, LocalDate day) {
        return redis.call("unique users", () -> redis.client().pfcount(usersKey(key, type, day)));
    }
}
