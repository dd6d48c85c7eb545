package org.ichnaea.core.apikey;

import java.util.regex.Pattern;

/**
 * An API key and what it may do (docs/storage.md "API keys"). Nullable columns stay nullable: a null
 * {@code maxreq} means unlimited, a null {@code fallbackRatelimit} disables the fallback.
 */
public record ApiKey(String validKey, Integer maxreq, boolean allowFallback, boolean allowLocate, boolean allowRegion,
                     String fallbackName, FallbackSchema fallbackSchema, String fallbackUrl, Integer fallbackRatelimit,
                     Integer fallbackRatelimitInterval, Integer fallbackCacheExpire, Integer storeSampleLocate,
                     Integer storeSampleSubmit) {

    /**
     * Keys of 1 to 40 characters from [A-Za-z0-9_-] (docs/api.md "Lenient parsing"; Ichnaea wanted 4 to 40 without _).
     */
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{1,40}");

    public ApiKey {
        if (!isWellFormed(validKey)) {
            throw new IllegalArgumentException("API keys are 1 to 40 characters of A-Z, a-z, 0-9, _ and -");
        }
        if (fallbackSchema == null) {
            fallbackSchema = FallbackSchema.ICHNAEA_V1;
        }
    }

    /**
     * A key as Ichnaea's CLI created it: 100 requests a day, locate and region allowed, no fallback, all stored. (This
     * project's {@code apikey create} makes unlimited keys unless given {@code --maxreq}.)
     */
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
     * interval (docs/storage.md "API keys").
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

    /** The key as logs and metrics show it ({@link #shorten}). */
    public String redacted() {
        return shorten(validKey);
    }

    /**
     * A key as logs and metric labels show it, never whole: at most its first 4 characters and never more than a
     * third of it, an ellipsis, and the first 12 hex digits (48 bits) of its SHA-256, so that keys sharing a prefix
     * keep apart ({@code relkey_lim100} becomes {@code relk…e4e677a3ba4b}).
     */
    public static String shorten(String key) {
        int prefix = Math.min(4, key.length() / 3);
        byte[] digest;
        try {
            digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
        return key.substring(0, prefix) + "…" + java.util.HexFormat.of().formatHex(digest, 0, 6);
    }

    @Override
    public String toString() {
        return "ApiKey[" + redacted() + "]";
    }
}
