package org.ichnaea.http;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The security headers every response carries (HSTS and nosniff, as listed at the top of docs/api.md), and
 * Jetty's error handler with them: the 400, 414 and 431 that Jetty writes itself, before a request reaches
 * Javalin (a malformed request line, a URI or headers over Jetty's limits), get them too.
 */
final class SecurityHeaders {

    static final String HSTS = "Strict-Transport-Security";
    static final String HSTS_VALUE = "max-age=31536000; includeSubDomains";
    static final String NOSNIFF = "X-Content-Type-Options";
    static final String NOSNIFF_VALUE = "nosniff";

    private SecurityHeaders() {
    }

    /** Jetty's own error pages, with the security headers. */
    static final class JettyErrors extends ErrorHandler {

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            response.getHeaders().put(HSTS, HSTS_VALUE);
            response.getHeaders().put(NOSNIFF, NOSNIFF_VALUE);
            return super.handle(request, response, callback);
        }

        @Override
        public java.nio.ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
            fields.put(HSTS, HSTS_VALUE);
            fields.put(NOSNIFF, NOSNIFF_VALUE);
            return super.badMessageError(status, reason, fields);
        }
    }
}
