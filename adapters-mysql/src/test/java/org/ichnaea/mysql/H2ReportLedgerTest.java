package org.ichnaea.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.ichnaea.core.radio.MacAddress;
import org.ichnaea.core.station.MacStation;
import org.ichnaea.core.station.ReportLedger;
import org.ichnaea.core.testing.TestStations;
import org.junit.jupiter.api.Test;

/** The applied-report ledger on H2: recorded with the stations, seen by the next transaction, cleaned up by age. */
class H2ReportLedgerTest {

    @Test
    void a_transaction_sees_what_an_earlier_one_applied_in_its_scope_only() {
        Database db = TestDatabases.h2();
        MysqlWifiStationStore wifi = new MysqlWifiStationStore(db, db);
        MysqlReportLedgerStore ledger = new MysqlReportLedgerStore(db);
        MacAddress mac = MacAddress.of("aa:bb:cc:00:00:01");
        MacStation station = TestStations.wifi("aa:bb:cc:00:00:01").at(51.5, -0.1).build();
        AtomicReference<Set<Long>> seen = new AtomicReference<>();

        wifi.update(List.of(mac), new ReportLedger(3, Set.of(1L, 2L)), (locked, applied) -> {
            seen.set(applied);
            return List.of(station);
        });
        assertThat(seen.get()).isEmpty();
        wifi.update(List.of(mac), new ReportLedger(3, Set.of(2L, 7L)), (locked, applied) -> {
            seen.set(applied);
            return List.of();
        });
        assertThat(seen.get()).as("report 2 was applied in scope 3").containsExactly(2L);
        wifi.update(List.of(mac), new ReportLedger(4, Set.of(2L)), (locked, applied) -> {
            seen.set(applied);
            return List.of();
        });
        assertThat(seen.get()).as("another scope").isEmpty();
        assertThat(ledger.count()).isEqualTo(4);

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertThat(ledger.deleteBefore(today)).isZero();
        assertThat(ledger.deleteBefore(today.plusDays(1))).isEqualTo(4);
        assertThat(ledger.count()).isZero();
    }

    @Test
    void a_transaction_that_fails_records_nothing() {
        Database db = TestDatabases.h2();
        MysqlWifiStationStore wifi = new MysqlWifiStationStore(db, db);
        MysqlReportLedgerStore ledger = new MysqlReportLedgerStore(db);
        try {
            wifi.update(List.of(MacAddress.of("aa:bb:cc:00:00:02")), new ReportLedger(3, Set.of(9L)),
                    (Map<MacAddress, MacStation> locked, Set<Long> applied) -> {
                        throw new IllegalStateException("the change fails");
                    });
        } catch (RuntimeException expected) {
            // rolled back
        }
        assertThat(ledger.count()).isZero();
    }
}
