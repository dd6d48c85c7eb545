package org.ichnaea.core.submit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.ichnaea.core.testing.TestReports;
import org.junit.jupiter.api.Test;

class IncomingReportCodecTest {

    @Test
    void round_trips_every_field() {
        for (int i = 0; i < 4; i++) {
            IncomingReport full = TestReports.full(i);
            assertThat(IncomingReportCodec.decode(IncomingReportCodec.encode(full))).isEqualTo(full);
            IncomingReport query = TestReports.query(i);
            assertThat(IncomingReportCodec.decode(IncomingReportCodec.encode(query))).isEqualTo(query);
        }
    }

    @Test
    void garbage_is_refused() {
        assertThatThrownBy(() -> IncomingReportCodec.decode(new byte[] {9, 1, 2})).isInstanceOf(
                IllegalArgumentException.class);
        assertThatThrownBy(() -> IncomingReportCodec.decode(new byte[] {1})).isInstanceOf(
                IllegalArgumentException.class);
    }
}
