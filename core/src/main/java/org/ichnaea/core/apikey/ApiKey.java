package org.ichnaea.core.apikey;

import java.util.regex.Pattern;

/**
 * An API key and what it may do (ichnaea-behaviour.md §2.1). Nullable columns stay nullable: a null
 * {@code maxreq} means unlimited, a null {@code fallbackRatelimit} disables the fallback.
 */
public record ApiKey(String validKey, Integer maxreq, boolean allowFallback, boolean allowLocate, boolean allowRegion,
                     String fallbackName, FallbackSchema fallbackSchema, String fallbackUrl, Integer fallbackRatelimit,
                     Integer fallbackRatelimitInterval, Integer fallbackCacheExpire, Integer storeSampleLocate,
                     Integer storeSampleSubmit) {

    /** Keys of 1 to 40 characters from [A-Za-z0-9_-] (compatibility.md §2; Ichnaea wanted 4 to 40 without _). */
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{1,40}");

    public ApiKey {
        if (!isWellFormed(validKey)) {
            throw new IllegalArgumentException("API keys are 1 to 40 characters of A-Z, a-z, 0-9, _ and -");
        }
        if (fallbackSchema == null) {
            fallbackSchema = FallbackSchema.ICHNAEA_V1;
        }
    }

    /** A key as the CLI creates it: 100 requests a day, locate and region allowed, no fallback, all stored. */
    public static ApiKey withDefaults(String key) {
        return new ApiKey(key, 100, false, true, true, null, FallbackSchema.ICHNAEA_V1, null, null, null, null,
                100, 100);
    }

    /** A key allowed everything but the fallback, without limit: what embedding apps and tests usually want. */
    public static ApiKey unlimited(String key) {
        return new ApiKey(key, null, false, true, true, null, FallbackSchema.ICHNAEA_V1, null, null, null, null,
                100, 100);
    }

    public static boolean isWellFormed(String key) {
        return key != null && FORMAT.matcher(key).matches();
    }

    /** Whether this key may call the given API (submit is always allowed). */
    public boolean allows(ApiType type) {
        return switch (type) {
            case LOCATE -> allowLocate;
            case REGION -> allowRegion;
            case SUBMIT -> true;
        };
    }

    /**
     * Whether the external fallback may be used: allowed, named, with a URL, a rate limit (0 allowed) and a non-zero
     * interval (ichnaea-behaviour.md §2.1).
     */
    public boolean canFallback() {
        return allowFallback && fallbackName != null && !fallbackName.isEmpty() && fallbackUrl != null
                && !fallbackUrl.isEmpty() && fallbackRatelimit != null && fallbackRatelimitInterval != null
                && fallbackRatelimitInterval != 0;
    }

    /** Whether requests are limited per day ({@code maxreq} > 0). */
    public boolean isLimited() {
        return maxreq != null && maxreq > 0;
    }

    /** The key shortened for logs: its first 8 characters and an ellipsis. */
    public String redacted() {
        return validKey.length() <= 8 ? validKey : validKey.substring(0, 8) + "…";
    }

    @Override
    public String toString() {
        return "ApiKey[" + redacted() + "]";
    }
}
