package org.ichnaea.core.locate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.ichnaea.core.apikey.ApiType;
import org.ichnaea.core.radio.CellAreaId;
import org.ichnaea.core.radio.CellObservation;
import org.ichnaea.core.radio.MacAddress;
import org.ichnaea.core.radio.RadioType;
import org.ichnaea.core.radio.WifiObservation;
import org.junit.jupiter.api.Test;

/**
 * docs/algorithms.md §1 with docs/api.md "Lenient parsing" and the fixes of docs/decisions/001-fixed-ichnaea-quirks.md.
 */
class QueryNormalizerTest {

    private final QueryNormalizer normalizer = new QueryNormalizer();

    private LocateQuery locate(QueryInput input) {
        return normalizer.normalize(input, null, ApiType.LOCATE);
    }

    private static QueryInput.Wifi wifi(String mac, Long signal, Long snr, Long age) {
        return new QueryInput.Wifi(mac, age, null, null, signal, snr, null);
    }

    private static QueryInput.Cell cell(String radio, long mcc, long mnc, Long lac, Long cid, Long signal, Long ta) {
        return new QueryInput.Cell(radio, mcc, mnc, lac, cid, null, null, signal, null, ta);
    }

    @Test
    void an_empty_query_has_no_networks_and_both_fallbacks_on() {
        LocateQuery q = locate(QueryInput.builder().build());
        assertThat(q.hasNetworks()).isFalse();
        assertThat(q.ipf()).isTrue();
        assertThat(q.lacf()).isTrue();
        assertThat(q.ip()).isNull();
        assertThat(q.expectedAccuracy()).isEqualTo(DataAccuracy.NONE);
    }

    @Test
    void consider_ip_is_used_only_without_a_fallbacks_object() {
        assertThat(locate(QueryInput.builder().considerIp(false).build()).ipf()).isFalse();
        // Ichnaea quirk 7 (docs/decisions/001-fixed-ichnaea-quirks.md), kept: an (even empty) fallbacks object wins
        // over considerIp.
        assertThat(locate(new QueryInput(null, false, new QueryInput.Fallbacks(null, null), null, null, null, null))
                .ipf()).isTrue();
        LocateQuery q = locate(QueryInput.builder().fallbacks(false, false).build());
        assertThat(q.ipf()).isFalse();
        assertThat(q.lacf()).isFalse();
    }

    @Test
    void the_ip_must_be_a_literal_address() {
        assertThat(locate(QueryInput.builder().ip("81.2.69.160").build()).ip()).isNotNull();
        assertThat(locate(QueryInput.builder().ip("2001:db8::1").build()).ip()).isNotNull();
        assertThat(locate(QueryInput.builder().ip("localhost").build()).ip()).isNull();
        assertThat(locate(QueryInput.builder().ip("999.1.1.1").build()).ip()).isNull();
    }

    @Test
    void duplicates_are_merged_before_the_two_network_rule() {
        LocateQuery q = locate(QueryInput.builder()
                .wifi("aa:bb:cc:00:11:22", -60)
                .wifi("AA-BB-CC-00-11-22", -70)
                .build());
        assertThat(q.wifis()).as("one distinct network is not enough").isEmpty();

        LocateQuery two = locate(QueryInput.builder()
                .wifi("aa:bb:cc:00:11:22", -60)
                .wifi("AABBCC001122", -70)
                .wifi("aa:bb:cc:00:11:33", -80)
                .build());
        assertThat(two.wifis()).extracting(WifiObservation::mac)
                .containsExactly(MacAddress.of("aabbcc001122"), MacAddress.of("aabbcc001133"));
        assertThat(two.wifis().get(0).signal()).isEqualTo(-60);
        assertThat(two.expectedAccuracy()).isEqualTo(DataAccuracy.HIGH);
    }

    @Test
    void a_later_duplicate_replaces_the_kept_one_unless_the_first_differing_field_favours_the_kept_one() {
        // Kept entry is worse on signal (the first comparator) but better on age.
        // docs/decisions/001-fixed-ichnaea-quirks.md fix 4: the first differing field decides, so the later, stronger
        // entry wins. Ichnaea (docs/decisions/001-fixed-ichnaea-quirks.md quirk 6) kept the first entry.
        LocateQuery q = locate(new QueryInput(null, null, null, null, null, null, Arrays.asList(
                wifi("aa:bb:cc:00:11:22", -80L, null, 100L),
                wifi("aa:bb:cc:00:11:22", -60L, null, 5000L),
                wifi("aa:bb:cc:00:11:33", -70L, null, null))));
        assertThat(q.wifis().get(0).signal()).isEqualTo(-60);
        assertThat(q.wifis().get(0).age()).isEqualTo(5000);

        // Equal signal: the next field (snr) decides, and the kept entry is better there.
        LocateQuery kept = locate(new QueryInput(null, null, null, null, null, null, Arrays.asList(
                wifi("aa:bb:cc:00:11:22", -60L, 40L, 5000L),
                wifi("aa:bb:cc:00:11:22", -60L, 20L, 100L),
                wifi("aa:bb:cc:00:11:33", -70L, null, null))));
        assertThat(kept.wifis().get(0).snr()).isEqualTo(40);

        // Nothing comparable: the later entry replaces.
        LocateQuery replaced = locate(new QueryInput(null, null, null, null, null, null, Arrays.asList(
                wifi("aa:bb:cc:00:11:22", null, 40L, null),
                wifi("aa:bb:cc:00:11:22", -60L, null, 100L),
                wifi("aa:bb:cc:00:11:33", -70L, null, null))));
        assertThat(replaced.wifis().get(0).signal()).isEqualTo(-60);
    }

    @Test
    void networks_whose_owners_opted_out_are_ignored() {
        LocateQuery q = locate(new QueryInput(null, null, null, null, null, null, Arrays.asList(
                new QueryInput.Wifi("aa:bb:cc:00:11:22", null, null, null, -60L, null, "Home_nomap"),
                new QueryInput.Wifi("aa:bb:cc:00:11:33", null, null, null, -60L, null, "Cafe_optout"),
                new QueryInput.Wifi("aa:bb:cc:00:11:44", null, null, null, -60L, null, "Office"),
                new QueryInput.Wifi("aa:bb:cc:00:11:55", null, null, null, -60L, null, null))));
        assertThat(q.wifis()).extracting(w -> w.mac().hex()).containsExactly("aabbcc001144", "aabbcc001155");
    }

    @Test
    void a_network_opted_out_in_any_duplicate_entry_is_ignored() {
        LocateQuery q = locate(new QueryInput(null, null, null, null, null, null, Arrays.asList(
                new QueryInput.Wifi("aa:bb:cc:00:11:22", null, null, null, -90L, null, "Home_nomap"),
                new QueryInput.Wifi("aa:bb:cc:00:11:22", null, null, null, -50L, null, "Home"),
                new QueryInput.Wifi("aa:bb:cc:00:11:44", null, null, null, -60L, null, "Office"),
                new QueryInput.Wifi("aa:bb:cc:00:11:55", null, null, null, -60L, null, null))));
        assertThat(q.wifis()).extracting(w -> w.mac().hex()).containsExactly("aabbcc001144", "aabbcc001155");
    }

    @Test
    void null_and_malformed_entries_drop_alone() {
        LocateQuery q = locate(new QueryInput(null, null, null, null, null,
                Arrays.asList(null, cell("cdma", 310, 0, 1L, 1L, null, null), cell("lte", 262, 2, 812L, 1L, null,
                        null)),
                Arrays.asList(null, wifi("zz", -60L, null, null), wifi("aa:bb:cc:00:11:22", -60L, null, null),
                        wifi("aa:bb:cc:00:11:33", -60L, null, null))));
        assertThat(q.cells()).hasSize(1);
        assertThat(q.wifis()).hasSize(2);
    }

    @Test
    void the_top_level_radio_type_applies_only_to_cells_without_their_own() {
        LocateQuery q = locate(new QueryInput(null, null, null, "gsm", null, Arrays.asList(
                cell(null, 262, 2, 812L, 1234L, null, null),
                cell("lte", 262, 2, 812L, 1234L, null, null)), null));
        assertThat(q.cells()).extracting(CellObservation::radio).containsExactly(RadioType.GSM, RadioType.LTE);
    }

    @Test
    void umts_and_nr_are_accepted_by_the_locate_api() {
        LocateQuery q = locate(new QueryInput(null, null, null, null, null, Arrays.asList(
                cell("umts", 262, 2, 812L, 31_234_567L, null, null),
                cell("nr", 244, 5, 123_456L, 68_719_476_735L, null, null)), null));
        assertThat(q.cells()).extracting(CellObservation::radio).containsExactly(RadioType.WCDMA, RadioType.NR);
        assertThat(q.expectedAccuracy()).isEqualTo(DataAccuracy.MEDIUM);
    }

    @Test
    void each_cell_entry_yields_a_cell_and_an_area_lookup_deduplicated_separately() {
        LocateQuery q = locate(new QueryInput(null, null, null, null, null, Arrays.asList(
                cell("lte", 262, 2, 812L, 1L, -100L, null),
                cell("lte", 262, 2, 812L, 2L, -90L, null),
                cell("lte", 262, 2, 812L, 2L, -80L, null),
                cell("lte", 262, 2, 813L, null, -80L, null)), null));
        assertThat(q.cells()).hasSize(2);
        assertThat(q.cells().get(1).signal()).isEqualTo(-80);
        assertThat(q.areas()).extracting(c -> c.areaId().orElseThrow()).containsExactly(
                new CellAreaId(RadioType.LTE, 262, 2, 812), new CellAreaId(RadioType.LTE, 262, 2, 813));
    }

    @Test
    void cell_duplicates_prefer_the_lower_timing_advance_first() {
        LocateQuery q = locate(new QueryInput(null, null, null, null, null, Arrays.asList(
                cell("gsm", 262, 2, 812L, 1L, -60L, 3L),
                cell("gsm", 262, 2, 812L, 1L, -100L, 1L)), null));
        assertThat(q.cells()).singleElement().extracting(CellObservation::ta).isEqualTo(1);
    }

    @Test
    void without_lacf_there_are_no_area_lookups() {
        LocateQuery q = locate(new QueryInput(null, null, new QueryInput.Fallbacks(false, true), null, null,
                Arrays.asList(cell("lte", 262, 2, 812L, 1L, null, null)), null));
        assertThat(q.cells()).hasSize(1);
        assertThat(q.areas()).isEmpty();
    }

    @Test
    void expected_accuracy_follows_section_3_2() {
        LocateQuery areaOnly = locate(new QueryInput(null, null, null, null, null, Arrays.asList(
                cell("lte", 262, 2, 812L, null, null, null)), null));
        assertThat(areaOnly.expectedAccuracy()).isEqualTo(DataAccuracy.LOW);
        LocateQuery ipOnly = locate(QueryInput.builder().ip("81.2.69.160").build());
        assertThat(ipOnly.expectedAccuracy()).isEqualTo(DataAccuracy.LOW);
        LocateQuery region = normalizer.normalize(QueryInput.builder().wifi("aa:bb:cc:00:11:22", null)
                .wifi("aa:bb:cc:00:11:33", null).build(), null, ApiType.REGION);
        assertThat(region.expectedAccuracy()).isEqualTo(DataAccuracy.LOW);
    }
}
