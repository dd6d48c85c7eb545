package org.ichnaea.http.site;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The files under {@code /static/}: this module's {@code static/} resources, and the {@code dist/} folders of the
 * Leaflet and uPlot WebJars as {@code /static/vendor/leaflet/...} and {@code /static/vendor/uplot/...}. Only
 * plain relative paths with a known extension are looked up, so nothing outside those folders can be named.
 */
final class Assets {

    /** An asset's bytes and media type. */
    record Asset(byte[] bytes, String contentType) {
    }

    /** Segments of letters, digits, '.', '_' and '-', none starting with a dot: no "..", no hidden files. */
    private static final Pattern SAFE_PATH =
            Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*(/[A-Za-z0-9_-][A-Za-z0-9._-]*)*");

    private static final Map<String, String> TYPES = Map.of(
            "css", "text/css;charset=utf-8",
            "js", "text/javascript;charset=utf-8",
            "map", "application/json;charset=utf-8",
            "geojson", "application/geo+json;charset=utf-8",
            "png", "image/png",
            "svg", "image/svg+xml",
            "ico", "image/x-icon",
            "txt", "text/plain;charset=utf-8");

    private final ClassLoader loader = Assets.class.getClassLoader();
    private final Map<String, String> vendors = new LinkedHashMap<>();
    private final Map<String, Optional<Asset>> loaded = new ConcurrentHashMap<>();

    Assets() {
        vendor("leaflet");
        vendor("uplot");
    }

    /** The WebJar's folder, at the version on the class path (read from its Maven properties). */
    private void vendor(String name) {
        String properties = "META-INF/maven/org.webjars.npm/" + name + "/pom.properties";
        try (InputStream in = loader.getResourceAsStream(properties)) {
            if (in == null) {
                return;
            }
            Properties p = new Properties();
            p.load(in);
            vendors.put(name, "META-INF/resources/webjars/" + name + "/" + p.getProperty("version") + "/dist/");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The asset at {@code /static/<path>}, if there is one. */
    Optional<Asset> find(String path) {
        if (path == null || path.length() > 200 || !SAFE_PATH.matcher(path).matches()) {
            return Optional.empty();
        }
        String type = TYPES.get(extension(path));
        if (type == null) {
            return Optional.empty();
        }
        String resource = resource(path);
        if (resource == null) {
            return Optional.empty();
        }
        return loaded.computeIfAbsent(resource, r -> read(r, type));
    }

    private String resource(String path) {
        if (path.startsWith("vendor/")) {
            String rest = path.substring("vendor/".length());
            int slash = rest.indexOf('/');
            String base = slash < 0 ? null : vendors.get(rest.substring(0, slash));
            return base == null ? null : base + rest.substring(slash + 1);
        }
        return "static/" + path;
    }

    private Optional<Asset> read(String resource, String type) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(new Asset(in.readAllBytes(), type));
        } catch (IOException e) {
            // A folder entry, or a jar that cannot be read: nothing to serve.
            return Optional.empty();
        }
    }

    private static String extension(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
