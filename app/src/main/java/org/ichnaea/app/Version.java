package org.ichnaea.app;

import org.ichnaea.http.WebSettings;

/** The build's version, from the jar manifest when there is one. */
final class Version {

    private Version() {
    }

    static WebSettings.VersionInfo info() {
        String version = Version.class.getPackage().getImplementationVersion();
        return new WebSettings.VersionInfo("https://github.com/ichnaea-jvm/ichnaea",
                version == null ? "0.1.0-SNAPSHOT" : version, "unknown", "unknown");
    }
}
