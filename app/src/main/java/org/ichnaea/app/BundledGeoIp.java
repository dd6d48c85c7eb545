package org.ichnaea.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The GeoLite2 City database bundled in the jar (built 2019-11), the default without {@code GEOIP_PATH}. */
final class BundledGeoIp {

    private static final Logger LOG = LoggerFactory.getLogger(Application.class);
    static final String RESOURCE = "GeoLite2-City.mmdb";

    private BundledGeoIp() {
    }

    /** Extracts it once to {@code dataDir/geoip/}; null when the jar has none. */
    static Path extract(Path dataDir) {
        Path target = dataDir.resolve("geoip").resolve("GeoLite2-City-20191119.mmdb");
        try (InputStream in = Application.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                LOG.warn("the bundled GeoLite2 City database is missing from the classpath; GeoIP is off");
                return null;
            }
            if (!Files.exists(target)) {
                Files.createDirectories(target.getParent());
                Path tmp = Files.createTempFile(target.getParent(), "geoip", ".tmp");
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract the bundled GeoIP database to " + target, e);
        }
    }
}
