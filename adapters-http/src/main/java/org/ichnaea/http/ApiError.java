package org.ichnaea.http;

/** Ichnaea's error kinds and their Google-style envelope (docs/api.md). */
public enum ApiError {
    KEY_INVALID(400, "usageLimits", "keyInvalid", "Missing or invalid API key."),
    DAILY_LIMIT_EXCEEDED(403, "usageLimits", "dailyLimitExceeded", "You have exceeded your daily limit."),
    NOT_FOUND(404, "geolocation", "notFound", "Not found"),
    PARSE_ERROR(400, "global", "parseError", "Parse Error"),
    PAYLOAD_TOO_LARGE(413, "global", "payloadTooLarge", "Payload Too Large"),
    SERVICE_UNAVAILABLE(503, "global", "serviceUnavailable", "Service Unavailable"),
    BAD_REQUEST(400, "global", "badRequest", "Bad Request"),
    INTERNAL_ERROR(500, "global", "internalError", "Internal Error");

    private final int status;
    private final String domain;
    private final String reason;
    private final String message;

    ApiError(int status, String domain, String reason, String message) {
        this.status = status;
        this.domain = domain;
        this.reason = reason;
        this.message = message;
    }

    public int status() {
        return status;
    }

    public String domain() {
        return domain;
    }

    public String reason() {
        return reason;
    }

    public String message() {
        return message;
    }
}
