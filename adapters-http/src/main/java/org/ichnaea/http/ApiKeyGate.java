package org.ichnaea.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.ichnaea.core.StoreUnavailableException;
import org.ichnaea.core.apikey.ApiKey;
import org.ichnaea.core.apikey.ApiKeyStore;
import org.ichnaea.core.apikey.ApiKeyUsage;
import org.ichnaea.core.apikey.ApiType;
import org.ichnaea.core.geoip.IpAddresses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API-key checks of docs/api.md, in Ichnaea's order (key before body): format, lookup, permission,
 * then daily counting for locate and submit. A key store that is down lets the request through with a permissive
 * default key; a usage counter that is down does not limit (fail open).
 */
final class ApiKeyGate {

    static final String KEY_ATTRIBUTE = "ichnaea.apiKeyLog";
    /**
     * The key label for the metrics when it differs from the log's: {@code unchecked} while the key store is down.
     * The log line still names the shortened key; a meter per key a client made up would grow without bound.
     */
    static final String METRIC_KEY_ATTRIBUTE = "ichnaea.apiKeyMetric";
    static final String UNCHECKED = "unchecked";
    static final String PATH_ATTRIBUTE = "ichnaea.apiPath";
    private static final Logger LOG = LoggerFactory.getLogger(ApiKeyGate.class);

    private final ApiKeyStore keys;
    private final ApiKeyUsage usage;
    private final WebSettings settings;
    private final Clock clock;
    /** Known keys' shortened forms (a SHA-256 each, 0.8 us of every API request), at most 10,000. */
    private final Cache<String, String> shortened = Caffeine.newBuilder().maximumSize(10_000).build();

    ApiKeyGate(ApiKeyStore keys, ApiKeyUsage usage, WebSettings settings, Clock clock) {
        this.keys = keys;
        this.usage = usage;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * The key the request runs as, null when anonymous.
     *
     * @throws ApiException keyInvalid or dailyLimitExceeded
     */
    ApiKey check(Context ctx, ApiType type, String apiPath) {
        ctx.attribute(PATH_ATTRIBUTE, apiPath);
        String raw = keyParameter(ctx.queryString());
        if (!ApiKey.isWellFormed(raw)) {
            ctx.attribute(KEY_ATTRIBUTE, raw == null ? "none" : "invalid");
            return anonymous(ctx, type, apiPath);
        }
        Optional<ApiKey> found;
        try {
            found = keys.findByKey(raw);
        } catch (StoreUnavailableException e) {
            LOG.warn("API key store unavailable, skipping the key check: {}", e.getMessage());
            ctx.attribute(KEY_ATTRIBUTE, redact(raw));
            ctx.attribute(METRIC_KEY_ATTRIBUTE, UNCHECKED);
            return new ApiKey(raw, null, false, true, true, null, null, null, null, null, null, 100, 100);
        }
        if (found.isEmpty()) {
            ctx.attribute(KEY_ATTRIBUTE, "invalid");
            return anonymous(ctx, type, apiPath);
        }
        ApiKey key = found.get();
        ctx.attribute(KEY_ATTRIBUTE, shortened.get(raw, ApiKeyGate::redact));
        if (!key.allows(type)) {
            throw new ApiException(ApiError.KEY_INVALID);
        }
        if (type != ApiType.REGION) {
            long count = count(key.validKey(), type, apiPath, ctx);
            if (key.isLimited() && count > key.maxreq()) {
                throw new ApiException(ApiError.DAILY_LIMIT_EXCEEDED);
            }
        }
        return key;
    }

    private ApiKey anonymous(Context ctx, ApiType type, String apiPath) {
        if (type == ApiType.SUBMIT) {
            return null;
        }
        if (!settings.keyless()) {
            throw new ApiException(ApiError.KEY_INVALID);
        }
        long count = count("anonymous:" + usageAddress(ctx), type, apiPath, ctx);
        if (settings.keylessDailyLimit() > 0 && count > settings.keylessDailyLimit()) {
            throw new ApiException(ApiError.DAILY_LIMIT_EXCEEDED);
        }
        return null;
    }

    private long count(String key, ApiType type, String apiPath, Context ctx) {
        try {
            LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
            return usage.record(key, type, apiPath, usageAddress(ctx), today);
        } catch (StoreUnavailableException e) {
            LOG.warn("usage counters unavailable, not limiting: {}", e.getMessage());
            return 0;
        }
    }

    private static String usageAddress(Context ctx) {
        return IpAddresses.parse(ClientAddress.of(ctx)).map(a -> a.getHostAddress()).orElse("127.0.0.1");
    }

    /**
     * The first {@code key} of the query string, decoded as UTF-8. Javalin's {@code queryParam} decodes with the
     * charset of the body's {@code Content-Type} and loses every parameter when that charset is unknown, so a good
     * key sent with {@code charset=nonsense} was refused (found by {@code ApiFuzzTest}).
     */
    static String keyParameter(String query) {
        if (query == null) {
            return null;
        }
        try {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String name = java.net.URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq),
                        java.nio.charset.StandardCharsets.UTF_8);
                if (name.equals("key")) {
                    return java.net.URLDecoder.decode(eq < 0 ? "" : pair.substring(eq + 1),
                            java.nio.charset.StandardCharsets.UTF_8);
                }
            }
        } catch (IllegalArgumentException e) {
            return null; // a malformed %-escape: no usable key
        }
        return null;
    }

    /** Enough of a key to tell keys apart in logs and metrics, never the whole key ({@link ApiKey#shorten}). */
    static String redact(String key) {
        return ApiKey.shorten(key);
    }
}
