package org.ichnaea.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.ichnaea.core.StoreUnavailableException;
import org.ichnaea.core.apikey.ApiKey;
import org.ichnaea.core.geoip.GeoIpRecord;
import org.ichnaea.core.geoip.InMemoryGeoIpDatabase;
import org.ichnaea.core.locate.Locator;
import org.ichnaea.core.locate.Position;
import org.ichnaea.core.locate.QueryInput;
import org.ichnaea.core.testing.PrivateMariaDb;
import org.ichnaea.core.testing.TestStations;
import org.junit.jupiter.api.Test;

/**
 * A database outage reaches the engine as a store fault within about a second, locate degrades to GeoIP, and the
 * pools recover by themselves when the database is back. Runs against a private MariaDB the test stops and starts.
 */
class DatabaseOutageIT {

    private static final QueryInput QUERY = QueryInput.builder().ip("81.2.69.160")
            .wifi("aa:bb:cc:00:00:01", -60).wifi("aa:bb:cc:00:00:02", -60).build();

    @Test
    void locate_degrades_to_geoip_while_the_database_is_down_and_recovers_after() throws Exception {
        try (PrivateMariaDb server = PrivateMariaDb.start()) {
            try (Database root = Database.open(MysqlSettings.fromUri(server.rootUri(), false, 1))) {
                root.jdbi().useHandle(h -> h.execute("CREATE DATABASE ichnaea"));
            }
            try (Database workers = Database.open(MysqlSettings.fromUri(server.uri("ichnaea"), false, 2));
                 Database web = Database.open(MysqlSettings.fromUri(server.uri("ichnaea"), true, 4))) {
                workers.migrate();
                MysqlWifiStationStore wifi = new MysqlWifiStationStore(web, workers);
                MysqlApiKeyStore keys = new MysqlApiKeyStore(web, workers);
                wifi.saveAll(List.of(TestStations.wifi("aa:bb:cc:00:00:01").at(51.51, -0.09).build(),
                        TestStations.wifi("aa:bb:cc:00:00:02").at(51.5101, -0.09).build()));
                keys.save(ApiKey.unlimited("outage"));
                Locator locator = Locator.builder().wifiStations(wifi)
                        .geoIp(new InMemoryGeoIpDatabase().put("81.2.69.160",
                                new GeoIpRecord(51.5142, -0.0931, "GB", 100, true, 2643743L)))
                        .build();

                Position before = locator.locate(QUERY).orElseThrow();
                assertThat(before.lat()).isCloseTo(51.51, org.assertj.core.api.Assertions.within(0.001));
                assertThat(before.fallback()).isNull();

                server.stopServer();

                long start = System.nanoTime();
                assertThatThrownBy(() -> wifi.findAll(List.of(TestStations.wifi("aa:bb:cc:00:00:01").build().mac())))
                        .isInstanceOf(StoreUnavailableException.class);
                assertThatThrownBy(() -> keys.findByKey("outage")).isInstanceOf(StoreUnavailableException.class);
                Optional<Position> during = locator.locate(QUERY);
                Duration took = Duration.ofNanos(System.nanoTime() - start);

                assertThat(during).hasValueSatisfying(p -> {
                    assertThat(p.fallback()).isEqualTo("ipf");
                    assertThat(p.lat()).isEqualTo(51.5142);
                });
                assertThat(took).as("three calls against a dead database").isLessThan(Duration.ofSeconds(6));

                server.startServer();
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                        assertThat(locator.locate(QUERY)).hasValueSatisfying(p -> assertThat(p.fallback()).isNull()));
                assertThat(keys.findByKey("outage")).isPresent();
            }
        }
    }
}
