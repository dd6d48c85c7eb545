package org.ichnaea.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/**
 * The MariaDB driver's multi-host URLs (docs/configuration.md, "Database high availability"): with
 * {@code jdbc:mariadb:sequential://DEAD,LIVE/DB} the pools connect to the first host that answers, so a primary that
 * is down is skipped without a change of configuration. Uses {@code TEST_DB_URL} as the live host and a closed
 * loopback port as the dead one.
 */
class MariadbFailoverUrlIT {

    private static String liveUrl() {
        String url = System.getenv("TEST_DB_URL");
        if (url == null || !url.startsWith("jdbc:mariadb://")) {
            if ("true".equals(System.getenv("CI"))) {
                fail("TEST_DB_URL must be a jdbc:mariadb:// URL under CI=true");
            }
            assumeTrue(false, "TEST_DB_URL is not a jdbc:mariadb:// URL");
        }
        return url;
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void a_sequential_url_skips_a_host_that_is_down_for_reads_and_writes() throws IOException {
        String live = liveUrl();
        TestDatabases.mariadb(); // migrated and emptied
        String failover = live.replace("jdbc:mariadb://", "jdbc:mariadb:sequential://127.0.0.1:" + closedPort() + ",");
        try (Database db = Database.open(MysqlSettings.fromUri(failover, false, 2))) {
            MysqlWifiStationStore wifi = new MysqlWifiStationStore(db, db);
            wifi.saveAll(java.util.List.of(org.ichnaea.core.testing.TestStations.wifi("a2:00:00:00:00:01")
                    .at(52.5, 13.4).build()));
            assertThat(wifi.count()).isEqualTo(1);
            assertThat(db.schemaVersion()).isEqualTo("5");
        }
    }
}
