package org.ichnaea.http;

import io.javalin.http.Context;

/**
 * The client address of a request, as {@link TrustedProxies#clientAddress} finds it from the socket peer and
 * {@code X-Forwarded-For}; worked out once per request (before the handlers) and kept on the context.
 */
final class ClientAddress {

    static final String ATTRIBUTE = "ichnaea.clientAddress";

    private ClientAddress() {
    }

    /** Works out and keeps the request's client address. */
    static void resolve(Context ctx, TrustedProxies trusted) {
        ctx.attribute(ATTRIBUTE, trusted.clientAddress(ctx.ip(), ctx.header("X-Forwarded-For")));
    }

    /** The client address worked out by {@link #resolve}; the socket peer if it was not. */
    static String of(Context ctx) {
        String address = ctx.attribute(ATTRIBUTE);
        return address != null ? address : ctx.ip();
    }
}
