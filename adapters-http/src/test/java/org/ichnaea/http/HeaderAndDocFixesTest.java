package org.ichnaea.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, item 11: the errors Jetty writes itself (400 malformed request, 414 URI too long, 431 headers too large)
 * carry the security headers like every other response.
 */
class HeaderAndDocFixesTest {

    private final TestWeb web = new TestWeb();

    /** Sends raw bytes and returns the status line and headers, lower-cased names. */
    private static String exchange(int port, String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder head = new StringBuilder();
            int c;
            while ((c = in.read()) >= 0) {
                head.append((char) c);
                if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
                    break;
                }
            }
            return head.toString();
        }
    }

    private static void assertSecurityHeaders(String head, String status) {
        assertThat(head).startsWith("HTTP/1.1 " + status);
        String lower = head.toLowerCase(Locale.ROOT);
        assertThat(lower).as(head).contains("strict-transport-security: max-age=31536000; includesubdomains\r\n");
        assertThat(lower).as(head).contains("x-content-type-options: nosniff\r\n");
    }

    @Test
    void jettys_own_400_414_and_431_carry_the_security_headers() {
        JavalinTest.test(web.app(), (server, client) -> {
            int port = server.port();
            assertSecurityHeaders(exchange(port, "GET /__lbheartbeat__ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"),
                    "200");
            assertSecurityHeaders(exchange(port, "GET /v1/geolocate HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n"),
                    "400");
            assertSecurityHeaders(exchange(port, "GET /v1/geolocate?key=" + "a".repeat(20_000)
                    + " HTTP/1.1\r\nHost: x\r\n\r\n"), "414");
            assertSecurityHeaders(exchange(port, "GET /v1/geolocate HTTP/1.1\r\nHost: x\r\nX-Big: "
                    + "a".repeat(20_000) + "\r\n\r\n"), "431");
        });
    }
}
