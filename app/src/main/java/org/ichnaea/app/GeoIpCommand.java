package org.ichnaea.app;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.ichnaea.core.geoip.GeoIpLocation;
import org.ichnaea.core.geoip.GeoIpRecord;
import org.ichnaea.core.geoip.GeoIpResolver;
import org.ichnaea.geoip.GeoIpDatabaseException;
import org.ichnaea.geoip.JtsRegionShapes;
import org.ichnaea.geoip.MaxMindGeoIpDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code geoip check FILE}: whether the service can use an mmdb file as {@code GEOIP_PATH}, and what it says
 * (docs/geoip.md, "Checking a file"). It opens the file exactly as the service does ({@link MaxMindGeoIpDatabase#open}),
 * prints its type, layout and build date, then a few lookups: what the file holds (country, city, position, accuracy
 * radius) and what the service would answer from it (region and accuracy). A file the service cannot use exits 1
 * with the reason.
 */
@Command(name = "geoip", description = "GeoIP database tools.", subcommands = GeoIpCommand.Check.class)
final class GeoIpCommand extends CommandGroup {

    /** Looked up when no {@code --ip} is given: public resolvers, MaxMind's own test address, heise.de, IPv6. */
    static final List<String> SAMPLES = List.of("8.8.8.8", "1.1.1.1", "81.2.69.142", "193.99.144.80",
            "2001:4860:4860::8888");

    /** The heartbeat's {@code warning} for a database older than GEOIP_MAX_AGE_DAYS. */
    static String ageWarning(long ageDays, long maxAgeDays) {
        return "GeoIP database built " + ageDays + " days ago, more than " + Settings.GEOIP_MAX_AGE_DAYS.name() + "="
                + maxAgeDays + ": see docs/geoip.md for a current one";
    }

    @Command(name = "check", description = "Print a GeoIP mmdb file's type, build date and sample lookups; "
            + "exit 1 if the service cannot use it.")
    static final class Check extends SettingsCommand {

        @Parameters(paramLabel = "FILE", description = "The mmdb file.")
        Path file;

        @Option(names = "--ip", split = ",", paramLabel = "ADDRESS",
                description = "Addresses to look up instead of the samples (comma-separated or repeated).")
        List<String> ips;

        @Override
        public Integer call() {
            Settings settings = settings();
            MaxMindGeoIpDatabase db;
            try {
                db = MaxMindGeoIpDatabase.open(file);
            } catch (GeoIpDatabaseException e) {
                throw new IllegalArgumentException(file + ": " + e.getMessage()
                        + " (the service reads MaxMind GeoIP2/GeoLite2 City and DB-IP City mmdb files: docs/geoip.md)",
                        e);
            }
            try (db) {
                PrintWriter out = spec.commandLine().getOut();
                Instant built = db.buildTime();
                long age = Duration.between(built, Clock.systemUTC().instant()).toDays();
                out.printf("file:  %s%n", file);
                out.printf("type:  %s, read as %s, IPv%d tree%s%n", db.databaseType(), db.format().label(),
                        db.ipVersion(), db.ipVersion() == 4 ? " (IPv6 addresses always miss)" : "");
                long maxAge = settings.geoipMaxAgeDays();
                out.printf("built: %s, %d days ago%s%n", built, age, maxAge > 0 && age > maxAge
                        ? " (the heartbeat warns: " + ageWarning(age, maxAge) + ")" : "");
                GeoIpResolver resolver = new GeoIpResolver(db, JtsRegionShapes.bundled());
                out.printf("%-22s %-7s %-10s %-10s %-10s %-9s %s%n", "address", "country", "city", "lat", "lon",
                        "radius", "service answer");
                for (String ip : ips == null || ips.isEmpty() ? SAMPLES : ips) {
                    out.println(line(ip.trim(), db, resolver));
                }
                out.flush();
            }
            return 0;
        }

        private static String line(String ip, MaxMindGeoIpDatabase db, GeoIpResolver resolver) {
            InetAddress address;
            try {
                address = InetAddress.getByName(literal(ip));
            } catch (UnknownHostException | IllegalArgumentException e) {
                return String.format("%-22s not an IP address", ip);
            }
            Optional<GeoIpRecord> found = db.lookup(address);
            if (found.isEmpty()) {
                return String.format("%-22s not in the file", ip);
            }
            GeoIpRecord r = found.get();
            String city = r.cityGeonameId() == null ? "-"
                    : r.cityGeonameId() < 0 ? "named" : String.valueOf(r.cityGeonameId());
            String answer = resolver.interpret(r).map(GeoIpCommand::answer).orElse("none (no position or country)");
            return String.format(Locale.ROOT, "%-22s %-7s %-10s %-10s %-10s %-9s %s", ip,
                    r.countryIsoCode() == null ? "-" : r.countryIsoCode(), city, r.lat(), r.lon(),
                    r.accuracyRadiusKm() == null ? "-" : r.accuracyRadiusKm() + " km", answer);
        }

        /** Only literal addresses: a host name would be resolved through DNS. */
        private static String literal(String ip) {
            if (ip.isEmpty() || !(ip.contains(":") || ip.chars().allMatch(c -> c == '.' || Character.isDigit(c)))) {
                throw new IllegalArgumentException("not a literal address");
            }
            return ip;
        }
    }

    static String answer(GeoIpLocation l) {
        return String.format(Locale.ROOT, "%s %s, %.4f,%.4f, %.0f km", l.regionCode(), l.regionName(), l.lat(),
                l.lon(), l.radiusMeters() / 1000.0);
    }
}
