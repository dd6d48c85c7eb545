package org.ichnaea.core.radio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Per-entry validation of docs/algorithms.md §1 and docs/api.md "Lenient parsing". */
class ObservationValidationTest {

    private static final MobileCountryCodes MCCS = MobileCountryCodes.bundled();

    private static CellObservation cell(String radio, long mcc, long mnc, Long lac, Long cid, Long psc, Long signal,
                                        Long asu, Long ta) {
        return CellObservation.validate(radio, mcc, mnc, lac, cid, psc, null, signal, asu, ta, MCCS).orElse(null);
    }

    @Test
    void wifi_fields_out_of_range_become_unknown() {
        WifiObservation w = WifiObservation.validate("aa:bb:cc:00:11:22", 3_600_001L, 0L, 1000L, 0L, 101L, "x")
                .orElseThrow();
        assertThat(w.age()).isNull();
        assertThat(w.channel()).isNull();
        assertThat(w.frequency()).isNull();
        assertThat(w.signal()).as("0 means unknown").isNull();
        assertThat(w.snr()).isNull();
        assertThat(w.ssid()).isEqualTo("x");
    }

    @Test
    void wifi_negative_ages_and_edge_signals_are_kept() {
        WifiObservation w = WifiObservation.validate("aa:bb:cc:00:11:22", -150L, null, null, -100L, 1L, null)
                .orElseThrow();
        assertThat(w.age()).isEqualTo(-150);
        assertThat(w.signal()).isEqualTo(-100);
        assertThat(w.snr()).isEqualTo(1);
    }

    @Test
    void wifi_channel_and_frequency_are_derived_from_each_other_including_6_ghz() {
        assertThat(WifiObservation.validate("aa:bb:cc:00:11:22", null, 6L, null, null, null, null).orElseThrow()
                .frequency()).isEqualTo(2437);
        WifiObservation sixGhz = WifiObservation.validate("aa:bb:cc:00:11:22", null, null, 6135L, null, null, null)
                .orElseThrow();
        assertThat(sixGhz.frequency()).isEqualTo(6135);
        assertThat(sixGhz.channel()).isEqualTo(37);
        assertThat(WifiObservation.validate("aa:bb:cc:00:11:22", null, 37L, 6135L, null, null, null).orElseThrow())
                .extracting(WifiObservation::channel, WifiObservation::frequency).containsExactly(37, 6135);
    }

    @Test
    void wifi_nomap_and_optout_ssids_opt_out() {
        assertThat(wifi("HomeNet_nomap").isOptedOut()).isTrue();
        assertThat(wifi("Cafe_optout_guest").isOptedOut()).isTrue();
        assertThat(wifi("HomeNet_nomap2").isOptedOut()).isFalse();
        assertThat(wifi("HomeNet").isOptedOut()).isFalse();
        assertThat(wifi(null).isOptedOut()).isFalse();
    }

    private static WifiObservation wifi(String ssid) {
        return WifiObservation.validate("aa:bb:cc:00:11:22", null, null, null, null, null, ssid).orElseThrow();
    }

    @Test
    void blue_signal_range_is_minus_127_to_0() {
        assertThat(BlueObservation.validate("aa:bb:cc:00:11:22", null, 0L, "b").orElseThrow().signal()).isZero();
        assertThat(BlueObservation.validate("aa:bb:cc:00:11:22", null, -128L, "b").orElseThrow().signal()).isNull();
        assertThat(BlueObservation.validate("not-a-mac", null, -60L, "b")).isEmpty();
    }

    @Test
    void cells_need_a_supported_radio_a_known_mcc_and_an_mnc() {
        assertThat(cell("cdma", 310, 0, 1L, 1L, null, null, null, null)).isNull();
        assertThat(cell("5g", 310, 0, 1L, 1L, null, null, null, null)).isNull();
        assertThat(cell(null, 310, 0, 1L, 1L, null, null, null, null)).isNull();
        assertThat(cell("gsm", 553, 0, 1L, 1L, null, null, null, null)).as("Tuvalu excluded").isNull();
        assertThat(cell("gsm", 999, 0, 1L, 1L, null, null, null, null)).isNull();
        assertThat(cell("gsm", 262, 1000, 1L, 1L, null, null, null, null)).isNull();
        assertThat(cell("GSM", 262, 0, 1L, 1L, null, null, null, null)).isNotNull();
    }

    @Test
    void umts_is_wcdma() {
        assertThat(cell("umts", 262, 2, 812L, 31234567L, null, null, null, null).radio()).isEqualTo(RadioType.WCDMA);
    }

    @Test
    void gsm_cell_ids_above_65535_make_the_cell_wcdma() {
        assertThat(cell("gsm", 262, 2, 812L, 65536L, null, null, null, null).radio()).isEqualTo(RadioType.WCDMA);
        assertThat(cell("gsm", 262, 2, 812L, 65535L, null, null, null, null).radio()).isEqualTo(RadioType.GSM);
    }

    @Test
    void area_codes_and_cell_ids_out_of_range_are_dropped_but_keep_the_entry() {
        CellObservation c = cell("lte", 262, 2, 65534L, 268_435_456L, null, null, null, null);
        assertThat(c.lac()).isNull();
        assertThat(c.cid()).isNull();
        assertThat(c.areaId()).isEmpty();
        assertThat(cell("lte", 262, 2, 0L, 1L, null, null, null, null).lac()).isNull();
        assertThat(cell("lte", 262, 2, 65533L, 268_435_455L, null, null, null, null).cellId()).isPresent();
    }

    @Test
    void nr_accepts_36_bit_cell_ids_24_bit_area_codes_and_pci_up_to_1007() {
        CellObservation nr = cell("nr", 244, 5, 16_777_215L, 68_719_476_735L, 1007L, -100L, null, null);
        assertThat(nr.cellId()).hasValue(new CellId(RadioType.NR, 244, 5, 16_777_215, 68_719_476_735L));
        assertThat(nr.psc()).isEqualTo(1007);
        assertThat(nr.signal()).isEqualTo(-100);
        assertThat(cell("nr", 244, 5, 16_777_216L, 68_719_476_736L, 1008L, null, null, null))
                .extracting(CellObservation::lac, CellObservation::cid, CellObservation::psc)
                .containsOnlyNulls();
    }

    @Test
    void lte_psc_above_503_is_dropped_and_wcdma_has_no_timing_advance() {
        assertThat(cell("lte", 262, 2, 1L, 1L, 504L, null, null, 5L).psc()).isNull();
        assertThat(cell("lte", 262, 2, 1L, 1L, 503L, null, null, 5L))
                .extracting(CellObservation::psc, CellObservation::ta).containsExactly(503, 5);
        assertThat(cell("wcdma", 262, 2, 1L, 1L, 511L, null, null, 5L))
                .extracting(CellObservation::psc, CellObservation::ta).containsExactly(511, null);
        assertThat(cell("gsm", 262, 2, 1L, 1L, null, null, null, 64L).ta()).isNull();
    }

    @Test
    void signals_are_checked_per_radio_and_derived_from_asu() {
        assertThat(cell("gsm", 262, 2, 1L, 1L, null, -114L, null, null).signal()).isNull();
        assertThat(cell("gsm", 262, 2, 1L, 1L, null, null, 20L, null).signal()).isEqualTo(2 * 20 - 113);
        assertThat(cell("wcdma", 262, 2, 1L, 1L, null, null, 20L, null).signal()).isEqualTo(20 - 116);
        assertThat(cell("lte", 262, 2, 1L, 1L, null, null, 45L, null).signal()).isEqualTo(45 - 140);
        assertThat(cell("lte", 262, 2, 1L, 1L, null, -139L, 45L, null).signal()).isEqualTo(-139);
    }

    @Test
    void a_dbm_value_sent_as_asu_is_swapped_into_the_signal() {
        CellObservation c = cell("lte", 262, 2, 1L, 1L, null, null, -95L, null);
        assertThat(c.signal()).isEqualTo(-95);
        assertThat(c.asu()).isNull();
        CellObservation positiveSignal = cell("lte", 262, 2, 1L, 1L, null, 5L, -95L, null);
        assertThat(positiveSignal.signal()).isEqualTo(-95);
    }

    @Test
    void the_bundled_mcc_table_matches_the_spec_examples() {
        // docs/algorithms.md §8.
        assertThat(MCCS.regions(234)).containsExactlyInAnyOrder("GB", "GG", "IM", "JE");
        assertThat(MCCS.regions(235)).containsExactly("GB");
        assertThat(MCCS.regions(262)).containsExactly("DE");
        // §8's example has FR, MC; mobile_codes also lists Mayotte under 208 (docs/decisions/002-mcc-table.md, rule 11).
        assertThat(MCCS.regions(208)).containsExactlyInAnyOrder("FR", "MC", "YT");
        assertThat(MCCS.regions(310)).containsExactlyInAnyOrder("BM", "GU", "MP", "PR", "US", "VI");
        assertThat(MCCS.regions(311)).containsExactlyInAnyOrder("AS", "GU", "US", "VI");
        assertThat(MCCS.regions(505)).containsExactlyInAnyOrder("AU", "CX", "CC", "NF");
        assertThat(MCCS.regions(425)).contains("XW");
        assertThat(MCCS.isValid(553)).isFalse();
        assertThat(MCCS.size()).isBetween(220, 240);
    }
}
