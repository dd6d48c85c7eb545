package org.ichnaea.http;

import java.util.Map;

/** Ends a request with an API error; {@code details} goes next to {@code error} at the top level of the body. */
public class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ApiError error;
    private final transient Map<String, Object> details;

    public ApiException(ApiError error) {
        this(error, null);
    }

    public ApiException(ApiError error, Map<String, Object> details) {
        super(error.reason(), null, false, false);
        this.error = error;
        this.details = details;
    }

    public ApiError error() {
        return error;
    }

    public Map<String, Object> details() {
        return details;
    }
}
