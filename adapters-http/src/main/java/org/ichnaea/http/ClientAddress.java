package org.ichnaea.http;

import io.javalin.http.Context;

/** The client address: the first {@code X-Forwarded-For} entry when the header exists, else the socket peer. */
final class ClientAddress {

    private ClientAddress() {
    }

    static String of(Context ctx) {
        String forwarded = ctx.header("X-Forwarded-For");
        if (forwarded != null) {
            int comma = forwarded.indexOf(',');
            String first = (comma < 0 ? forwarded : forwarded.substring(0, comma)).trim();
            if (!first.isEmpty()) {
                return first;
            }
        }
        return ctx.ip();
    }
}
