package org.ichnaea.geoip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.ichnaea.core.geoip.GeoIpRecord;
import org.ichnaea.core.geoip.IpAddresses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replacing the database file while the service runs. */
class ReloadingGeoIpDatabaseTest {

    private static final InetAddress ABINGDON_OR_LONDON = IpAddresses.parse("81.2.69.160").orElseThrow();
    private static final Long ABINGDON = 2657780L;
    private static final Long LONDON = 2643743L;
    private static final Duration MINUTE = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock();

    private Path geoLite2CityCopy(String name) throws IOException {
        return Files.copy(TestDatabases.geoLite2City(), dir.resolve(name));
    }

    /** Replaces the file as an operator should: write beside it, then rename over it. */
    private void replace(Path target, byte[] content) throws IOException {
        Path staged = Files.write(dir.resolve(target.getFileName() + ".new"), content);
        Files.move(staged, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private void replace(Path target, Path source) throws IOException {
        Path staged = Files.copy(source, dir.resolve(target.getFileName() + ".new"));
        Files.move(staged, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static Long cityOf(Optional<GeoIpRecord> record) {
        return record.map(GeoIpRecord::cityGeonameId).orElse(null);
    }

    @Test
    void swaps_in_a_replaced_file_at_the_next_check_and_not_before() throws IOException {
        Path file = geoLite2CityCopy("GeoLite2-City.mmdb");
        try (ReloadingGeoIpDatabase db = new ReloadingGeoIpDatabase(file, MINUTE, clock)) {
            assertThat(cityOf(db.lookup(ABINGDON_OR_LONDON))).isEqualTo(ABINGDON);
            assertThat(db.description()).isEqualTo("MaxMind City: GeoLite2-City, built 2019-11-12T21:11:29Z");

            replace(file, TestDatabases.maxMindCity("GeoLite2-City").toBytes());
            clock.advance(Duration.ofSeconds(59));
            assertThat(cityOf(db.lookup(ABINGDON_OR_LONDON))).isEqualTo(ABINGDON);

            clock.advance(Duration.ofSeconds(1));
            assertThat(db.lookup(ABINGDON_OR_LONDON)).contains(new GeoIpRecord(51.5, -0.13, "GB", 20, true, LONDON));
            assertThat(db.description()).isEqualTo("MaxMind City: GeoLite2-City, built 2025-03-04T05:06:07Z");
            assertThat(db.isAvailable()).isTrue();
        }
    }

    @Test
    void can_swap_between_layouts() throws IOException {
        Path file = TestDatabases.dbIpFlat().writeTo(dir.resolve("city.mmdb"));
        try (ReloadingGeoIpDatabase db = new ReloadingGeoIpDatabase(file, Duration.ZERO, clock)) {
            assertThat(((MaxMindGeoIpDatabase) db.current()).format()).isEqualTo(GeoIpFormat.DBIP_CITY);
            assertThat(cityOf(db.lookup(ABINGDON_OR_LONDON))).isEqualTo(DbIpRecords.UNKNOWN_CITY_GEONAME_ID);

            replace(file, TestDatabases.geoLite2City());
            assertThat(cityOf(db.lookup(ABINGDON_OR_LONDON))).isEqualTo(ABINGDON);
            assertThat(((MaxMindGeoIpDatabase) db.current()).format()).isEqualTo(GeoIpFormat.MAXMIND_CITY);
        }
    }

    @Test
    void keeps_the_old_database_when_the_new_file_is_corrupt_then_takes_a_good_one() throws IOException {
        Path file = TestDatabases.dbIpFlat().writeTo(dir.resolve("city.mmdb"));
        try (ReloadingGeoIpDatabase db = new ReloadingGeoIpDatabase(file, MINUTE, clock)) {
            String before = db.description();
            byte[] good = TestDatabases.maxMindCity("GeoIP2-City").toBytes();

            replace(file, Arrays.copyOf(good, good.length / 2)); // a half-copied file: no metadata
            clock.advance(MINUTE);
            assertThat(cityOf(db.lookup(ABINGDON_OR_LONDON))).isEqualTo(DbIpRecords.UNKNOWN_CITY_GEONAME_ID);
            assertThat(db.description()).isEqualTo(before);
            assertThat(db.isAvailable()).isTrue();

            replace(file, TestDatabases.geoLite2Country()); // valid, but not a City database
            assertThat(db.reloadIfChanged()).isFalse();
            assertThat(db.description()).isEqualTo(before);

            replace(file, good);
            clock.advance(MINUTE);
            assertThat(cityOf(db.lookup(ABINGDON_OR_LONDON))).isEqualTo(LONDON);
        }
    }

    @Test
    void keeps_the_loaded_database_when_the_file_is_deleted() throws IOException {
        Path file = TestDatabases.dbIpFlat().writeTo(dir.resolve("city.mmdb"));
        try (ReloadingGeoIpDatabase db = new ReloadingGeoIpDatabase(file, Duration.ZERO, clock)) {
            Files.delete(file);
            assertThat(db.reloadIfChanged()).isFalse();
            assertThat(db.isAvailable()).isTrue();
            assertThat(db.lookup(ABINGDON_OR_LONDON)).isPresent();
        }
    }

    @Test
    void loads_a_file_that_appears_after_start_up() throws IOException {
        Path file = dir.resolve("GeoIP2-City.mmdb");
        try (ReloadingGeoIpDatabase db = new ReloadingGeoIpDatabase(file, MINUTE, clock)) {
            assertThat(db.isAvailable()).isFalse();
            assertThat(db.description()).isEqualTo("no GeoIP database: GeoIP2-City.mmdb not found");
            assertThat(db.lookup(ABINGDON_OR_LONDON)).isEmpty();

            Files.write(file, new byte[] {1, 2, 3});
            clock.advance(MINUTE);
            assertThat(db.isAvailable()).isFalse();
            assertThat(db.description()).startsWith("no GeoIP database: GeoIP2-City.mmdb is not a MaxMind DB file");

            replace(file, TestDatabases.maxMindCity("GeoIP2-City").toBytes());
            clock.advance(MINUTE);
            assertThat(db.isAvailable()).isTrue();
            assertThat(cityOf(db.lookup(ABINGDON_OR_LONDON))).isEqualTo(LONDON);
        }
    }

    @Test
    void closes_a_replaced_reader_only_after_a_grace_period() throws IOException {
        Path file = TestDatabases.dbIpFlat().writeTo(dir.resolve("city.mmdb"));
        try (ReloadingGeoIpDatabase db = new ReloadingGeoIpDatabase(file, MINUTE, clock)) {
            MaxMindGeoIpDatabase old = (MaxMindGeoIpDatabase) db.current();
            replace(file, TestDatabases.maxMindCity("GeoIP2-City").toBytes());
            assertThat(db.reloadIfChanged()).isTrue();

            // A lookup that fetched the old reader just before the swap still gets its answer.
            assertThat(old.lookup(ABINGDON_OR_LONDON)).isPresent();
            clock.advance(ReloadingGeoIpDatabase.RETIRED_READER_GRACE.minusSeconds(1));
            assertThat(db.reloadIfChanged()).isFalse();
            assertThat(old.lookup(ABINGDON_OR_LONDON)).isPresent();

            clock.advance(Duration.ofSeconds(1));
            assertThat(db.reloadIfChanged()).isFalse();
            assertThatThrownBy(() -> old.lookup(ABINGDON_OR_LONDON))
                    .isInstanceOf(GeoIpDatabaseException.class)
                    .hasMessageContaining("is closed");
            assertThat(cityOf(db.lookup(ABINGDON_OR_LONDON))).isEqualTo(LONDON);
        }
    }

    @Test
    void a_file_overwritten_in_place_fails_lookups_with_an_exception_and_is_reloaded_at_once() throws IOException {
        Path file = geoLite2CityCopy("GeoLite2-City.mmdb");
        try (ReloadingGeoIpDatabase db = new ReloadingGeoIpDatabase(file, Duration.ofHours(1), clock)) {
            assertThat(cityOf(db.lookup(ABINGDON_OR_LONDON))).isEqualTo(ABINGDON);
            MaxMindGeoIpDatabase mapped = (MaxMindGeoIpDatabase) db.current();

            // cp over the live file: truncated under the memory map, then rewritten.
            try (InputStream head = Files.newInputStream(TestDatabases.geoLite2City())) {
                Files.write(file, head.readNBytes(5000));
            }
            Throwable fault = catchThrowable(() -> mapped.lookup(ABINGDON_OR_LONDON));
            assertThat(fault).satisfiesAnyOf(
                    t -> assertThat(t).isNull(),
                    t -> assertThat(t).isInstanceOf(GeoIpDatabaseException.class));

            Files.write(file, TestDatabases.maxMindCity("GeoLite2-City").toBytes());
            // The next lookup that fails looks at the file at once instead of waiting an hour.
            Throwable answered = catchThrowable(() -> db.lookup(ABINGDON_OR_LONDON));
            assertThat(answered).isNull();
            assertThat(db.reloadIfChanged()).isFalse(); // nothing left to reload if it already did
            assertThat(cityOf(db.lookup(ABINGDON_OR_LONDON))).isEqualTo(LONDON);
        }
    }

    @Test
    void concurrent_lookups_see_one_database_or_the_other_while_files_are_swapped() throws Exception {
        Path file = dir.resolve("city.mmdb");
        byte[] dbIp = TestDatabases.dbIpFlat().toBytes();
        byte[] maxMind = TestDatabases.maxMindCity("GeoIP2-City").toBytes();
        Files.write(file, dbIp);
        Set<Long> seen = ConcurrentHashMap.newKeySet();
        List<Throwable> failures = new ArrayList<>();
        AtomicBoolean done = new AtomicBoolean();
        try (ReloadingGeoIpDatabase db = new ReloadingGeoIpDatabase(file, Duration.ZERO, clock)) {
            CountDownLatch started = new CountDownLatch(2);
            List<Thread> readers = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                Thread reader = new Thread(() -> {
                    started.countDown();
                    try {
                        while (!done.get()) {
                            seen.add(db.lookup(ABINGDON_OR_LONDON).orElseThrow().cityGeonameId());
                        }
                    } catch (Throwable e) {
                        synchronized (failures) {
                            failures.add(e);
                        }
                    }
                });
                reader.start();
                readers.add(reader);
            }
            started.await();
            for (int i = 0; i < 40; i++) {
                replace(file, i % 2 == 0 ? maxMind : dbIp);
                clock.advance(ReloadingGeoIpDatabase.RETIRED_READER_GRACE); // old readers get closed meanwhile
                db.reloadIfChanged();
            }
            done.set(true);
            for (Thread reader : readers) {
                reader.join(10_000);
            }
        }
        assertThat(failures).isEmpty();
        assertThat(seen).containsOnly(LONDON, DbIpRecords.UNKNOWN_CITY_GEONAME_ID);
    }
}
