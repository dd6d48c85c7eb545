package org.ichnaea.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/**
 * The MariaDB driver's multi-host URLs (docs/configuration.md, "Database high availability"): with
 * {@code jdbc:mariadb:sequential://DEAD,LIVE/DB} the pools connect to the first host that answers, so a primary that
 * is down is skipped without a change of configuration. Uses {@code TEST_DB_URL} (in any form it may take) as the
 * live host and a closed loopback port as the dead one; like every MariaDB test, skipped when it is unset and failed
 * under {@code CI=true} ({@link TestDatabases#mariadb}).
 */
class MariadbFailoverUrlIT {

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void a_sequential_url_skips_a_host_that_is_down_for_reads_and_writes() throws IOException {
        TestDatabases.mariadb(); // migrated and emptied; skips or fails when TEST_DB_URL is unset
        DatabaseUrls.Target live = DatabaseUrls.parse(System.getenv("TEST_DB_URL"));
        String failover = live.jdbcUrl().replace("jdbc:mariadb://",
                "jdbc:mariadb:sequential://127.0.0.1:" + closedPort() + ",");
        try (Database db = Database.open(new MysqlSettings(failover, live.user(), live.password(), 2,
                MysqlSettings.WORKER_CONNECTION_TIMEOUT, false, "failover-test"))) {
            MysqlWifiStationStore wifi = new MysqlWifiStationStore(db, db);
            wifi.saveAll(java.util.List.of(org.ichnaea.core.testing.TestStations.wifi("a2:00:00:00:00:01")
                    .at(52.5, 13.4).build()));
            assertThat(wifi.count()).isEqualTo(1);
            assertThat(db.schemaVersion()).isEqualTo("5");
        }
    }
}
