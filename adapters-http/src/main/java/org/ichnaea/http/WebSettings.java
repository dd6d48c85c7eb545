package org.ichnaea.http;

/**
 * Settings of the web tier.
 *
 * @param maxBodyBytes      largest request body accepted, compressed or after gunzip (larger: 413)
 * @param keyless           whether locate and region run without a key, as anonymous clients
 * @param keylessDailyLimit requests per client address, day and API path in keyless mode (0: unlimited)
 * @param version           what {@code /__version__} reports
 * @param trustedProxies    the peers whose {@code X-Forwarded-For} is believed (default: loopback only)
 * @param secretKey         {@code SECRET_KEY}: salts the request log's {@code api_response_sig} ({@link RequestLog})
 */
public record WebSettings(long maxBodyBytes, boolean keyless, long keylessDailyLimit, VersionInfo version,
                          TrustedProxies trustedProxies, String secretKey) {

    public WebSettings {
        secretKey = secretKey == null ? "" : secretKey;
    }

    /** Without a secret key (signatures salted with the empty string). */
    public WebSettings(long maxBodyBytes, boolean keyless, long keylessDailyLimit, VersionInfo version,
                       TrustedProxies trustedProxies) {
        this(maxBodyBytes, keyless, keylessDailyLimit, version, trustedProxies, "");
    }

    /** With the default trusted proxies (loopback only). */
    public WebSettings(long maxBodyBytes, boolean keyless, long keylessDailyLimit, VersionInfo version) {
        this(maxBodyBytes, keyless, keylessDailyLimit, version, TrustedProxies.loopback());
    }

    /** The same settings with other trusted proxies. */
    public WebSettings withTrustedProxies(TrustedProxies proxies) {
        return new WebSettings(maxBodyBytes, keyless, keylessDailyLimit, version, proxies, secretKey);
    }

    /** The same settings with another {@code SECRET_KEY}. */
    public WebSettings withSecretKey(String key) {
        return new WebSettings(maxBodyBytes, keyless, keylessDailyLimit, version, trustedProxies, key);
    }

    /** 10 MiB: NeoStumbler sends up to 950 reports in one request. */
    public static final long DEFAULT_MAX_BODY_BYTES = 10L * 1024 * 1024;

    public static WebSettings defaults() {
        return new WebSettings(DEFAULT_MAX_BODY_BYTES, false, 0, VersionInfo.unknown());
    }

    /** The contents of {@code /__version__}: keys exactly source, version, commit, build. */
    public record VersionInfo(String source, String version, String commit, String build) {
        public static VersionInfo unknown() {
            return new VersionInfo("https://github.com/ichnaea-jvm/ichnaea", "0.1.0-SNAPSHOT", "unknown", "unknown");
        }
    }
}
