package org.ichnaea.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code geoip check FILE} against the real GeoLite2 files of the bundled {@code geolite2-databases} (City, Country and
 * ASN, built 2019-11) and a file that is not an mmdb (docs/geoip.md, "Checking a file").
 */
class GeoIpCommandTest {

    @TempDir
    Path dir;

    private Path copy(String resource) throws IOException {
        Path file = dir.resolve(resource);
        try (InputStream in = GeoIpCommandTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource + " on the class path").isNotNull();
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }

    private CliRun check(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "geoip";
        all[1] = "check";
        System.arraycopy(args, 0, all, 2, args.length);
        return CliRun.run(Map.of("ICHNAEA_DATA_DIR", dir.resolve("data").toString()), all);
    }

    @Test
    void a_city_database_prints_its_type_build_date_and_the_sample_lookups() throws IOException {
        Path city = copy("GeoLite2-City.mmdb");
        CliRun run = check(city.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("type:  GeoLite2-City, read as MaxMind City, IPv6 tree")
                .containsPattern("built: 2019-11-12T21:11:29Z, \\d+ days ago \\(the heartbeat warns: GeoIP database "
                        + "built \\d+ days ago, more than GEOIP_MAX_AGE_DAYS=60")
                // What the file holds, then what the service answers from it.
                .containsPattern("8\\.8\\.8\\.8 +US +- +37\\.751 +-97\\.822 +1000 km +US United States, "
                        + "37\\.7510,-97\\.8220, \\d+ km")
                .containsPattern("193\\.99\\.144\\.80 +DE +2844588 +54\\.0679 +12\\.1186 +5 km +DE Germany, "
                        + "54\\.0679,12\\.1186, 5 km")
                .contains("1.1.1.1", "81.2.69.142", "2001:4860:4860::8888");
    }

    @Test
    void ip_chooses_the_addresses_and_a_missing_or_bad_one_says_so() throws IOException {
        Path city = copy("GeoLite2-City.mmdb");
        CliRun run = check(city.toString(), "--ip", "81.2.69.160,10.0.0.1,example.org");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .containsPattern("81\\.2\\.69\\.160 +GB +2657780 +51\\.7095 +-1\\.3614 +100 km +GB United Kingdom")
                .containsPattern("10\\.0\\.0\\.1 +not in the file")
                .containsPattern("example\\.org +not an IP address")
                .doesNotContain("8.8.8.8");
    }

    @Test
    void the_age_warning_follows_geoip_max_age_days() throws IOException {
        Path city = copy("GeoLite2-City.mmdb");
        CliRun run = CliRun.run(Map.of("ICHNAEA_DATA_DIR", dir.resolve("data").toString(), "GEOIP_MAX_AGE_DAYS", "0"),
                "geoip", "check", city.toString(), "--ip", "8.8.8.8");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).containsPattern("built: 2019-11-12T21:11:29Z, \\d+ days ago\\n")
                .doesNotContain("warns");
    }

    @Test
    void a_country_or_asn_database_is_refused_with_its_type() throws IOException {
        for (String name : new String[] {"GeoLite2-Country.mmdb", "GeoLite2-ASN.mmdb"}) {
            Path file = copy(name);
            CliRun run = check(file.toString());
            assertThat(run.exitCode()).as(name).isEqualTo(1);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).as(name).startsWith("ichnaea: " + file + ": " + name + " has database type '"
                    + name.replace(".mmdb", "") + "'; expected a GeoIP2/GeoLite2 City or DB-IP Lite City database "
                    + "(the service reads MaxMind GeoIP2/GeoLite2 City and DB-IP City mmdb files: docs/geoip.md)");
        }
    }

    @Test
    void a_file_that_is_not_an_mmdb_or_is_missing_exits_1_with_the_reason() throws IOException {
        Path text = dir.resolve("notes.mmdb");
        Files.writeString(text, "this is not a MaxMind DB file\n".repeat(100), StandardCharsets.UTF_8);
        CliRun run = check(text.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("ichnaea: " + text + ": notes.mmdb is not a MaxMind DB file");

        CliRun missing = check(dir.resolve("absent.mmdb").toString());
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).startsWith("ichnaea: " + dir.resolve("absent.mmdb") + ": absent.mmdb not found");
    }
}
