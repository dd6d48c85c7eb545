package org.ichnaea.mysql;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Turns the database URIs operators write into JDBC URLs and credentials. */
public final class DatabaseUrls {

    /** A JDBC URL and the credentials to use with it (null when the URL carries them). */
    public record Target(String jdbcUrl, String user, String password) {
    }

    private DatabaseUrls() {
    }

    /**
     * Parses {@code mysql://USER:PASS@HOST:PORT/DB}, {@code mysql+pymysql://...}, {@code mariadb://...},
     * {@code jdbc:mariadb:...}, {@code jdbc:mysql:...} (served by the MariaDB driver) or {@code jdbc:h2:...}.
     *
     * @throws IllegalArgumentException with a one-line reason when the URI is not one of those
     */
    public static Target parse(String uri) {
        if (uri == null || uri.isBlank()) {
            throw new IllegalArgumentException("empty database URI");
        }
        String trimmed = uri.trim();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:h2:") || lower.startsWith("jdbc:mariadb:")) {
            return new Target(withSslDefault(trimmed), null, null);
        }
        if (lower.startsWith("jdbc:mysql:")) {
            return new Target(withSslDefault("jdbc:mariadb:" + trimmed.substring("jdbc:mysql:".length())), null,
                    null);
        }
        int scheme = trimmed.indexOf("://");
        String name = scheme < 0 ? "" : lower.substring(0, scheme);
        if (!name.equals("mysql") && !name.equals("mysql+pymysql") && !name.equals("mariadb")) {
            throw new IllegalArgumentException("unsupported database URI (expected mysql://USER:PASS@HOST:PORT/DB "
                    + "or a jdbc:mariadb:, jdbc:mysql: or jdbc:h2: URL): " + redact(trimmed));
        }
        URI parsed;
        try {
            parsed = new URI("mysql" + trimmed.substring(scheme));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("malformed database URI: " + redact(trimmed));
        }
        if (parsed.getHost() == null) {
            throw new IllegalArgumentException("database URI without a host: " + redact(trimmed));
        }
        String user = null;
        String password = null;
        if (parsed.getRawUserInfo() != null) {
            String[] parts = parsed.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : "";
        }
        int port = parsed.getPort() < 0 ? 3306 : parsed.getPort();
        String path = parsed.getPath() == null ? "" : parsed.getPath();
        String query = parsed.getRawQuery() == null ? "" : "?" + parsed.getRawQuery();
        return new Target(withSslDefault("jdbc:mariadb://" + parsed.getHost() + ":" + port + path + query), user,
                password);
    }

    /** Debian's MariaDB has no TLS set up: the driver's default of requiring it would refuse to connect. */
    private static String withSslDefault(String url) {
        if (!url.startsWith("jdbc:mariadb:") || url.contains("sslMode=")) {
            return url;
        }
        return url + (url.contains("?") ? "&" : "?") + "sslMode=disable";
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /** The URL without passwords, for logs. */
    public static String redact(String url) {
        return url.replaceAll("(://[^:/@]+:)[^@]*@", "$1***@").replaceAll("(?i)(password=)[^&;]*", "$1***");
    }
}
