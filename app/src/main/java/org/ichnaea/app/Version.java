package org.ichnaea.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.ichnaea.http.WebSettings;

/**
 * The build's identity for {@code /__version__}: the version from the jar manifest, and the commit and build time
 * Maven wrote into {@code build.properties} (app/pom.xml: git-commit-id-maven-plugin and the build timestamp). A
 * value the build could not fill in, such as the commit of a build from a source tarball without {@code .git}, reads
 * as "unknown".
 */
final class Version {

    static final String UNKNOWN = "unknown";
    private static final WebSettings.VersionInfo INFO = read();

    private Version() {
    }

    static WebSettings.VersionInfo info() {
        return INFO;
    }

    private static WebSettings.VersionInfo read() {
        Properties build = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("build.properties")) {
            if (in != null) {
                build.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String version = Version.class.getPackage().getImplementationVersion();
        return new WebSettings.VersionInfo("https://github.com/ichnaea-jvm/ichnaea",
                version == null ? "0.1.0-SNAPSHOT" : version, filled(build.getProperty("commit")),
                filled(build.getProperty("build")));
    }

    /** A value Maven filled in, or "unknown" for a missing one or a placeholder left as it was. */
    static String filled(String value) {
        return value == null || value.isBlank() || value.contains("${") ? UNKNOWN : value.trim();
    }
}
