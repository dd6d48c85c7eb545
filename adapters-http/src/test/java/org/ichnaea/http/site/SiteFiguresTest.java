package org.ichnaea.http.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeMap;
import org.ichnaea.core.stats.InMemoryStatStore;
import org.junit.jupiter.api.Test;

/** The figures of docs/site.md and the content security policy, without HTTP. */
class SiteFiguresTest {

    @Test
    void millions_are_floored_to_two_decimals() {
        assertThat(StatsFigures.millions(1_500_000)).isEqualTo("1.50");
        assertThat(StatsFigures.millions(1_509_999)).isEqualTo("1.50");
        assertThat(StatsFigures.millions(1_510_000)).isEqualTo("1.51");
        assertThat(StatsFigures.millions(9_999)).isEqualTo("0.00");
        assertThat(StatsFigures.millions(0)).isEqualTo("0.00");
        assertThat(StatsFigures.millions(2_345_678_901L)).isEqualTo("2345.67");
    }

    @Test
    void the_monthly_point_is_the_months_largest_value_at_its_first_day() {
        TreeMap<LocalDate, Long> days = new TreeMap<>();
        days.put(LocalDate.parse("2025-12-31"), 5L);
        days.put(LocalDate.parse("2026-01-03"), 40L);
        days.put(LocalDate.parse("2026-01-20"), 30L);
        days.put(LocalDate.parse("2026-01-31"), 35L);
        days.put(LocalDate.parse("2026-03-01"), 41L);
        assertThat(StatsFigures.monthlyMax(days)).containsExactly(
                List.of(1_764_547_200_000L, 5L),
                List.of(1_767_225_600_000L, 40L),
                List.of(1_772_323_200_000L, 41L));
        assertThat(StatsFigures.monthlyMax(new TreeMap<>())).isEmpty();
    }

    @Test
    void region_names_are_english_or_the_code() {
        assertThat(StatsFigures.regionName("DE")).isEqualTo("Germany");
        assertThat(StatsFigures.regionName("GB")).isEqualTo("United Kingdom");
        assertThat(StatsFigures.regionName("XX")).isEqualTo("XX");
        assertThat(StatsFigures.regionName("not a code")).isEqualTo("not a code");
    }

    @Test
    void the_policy_allows_the_base_map_host_only() {
        assertThat(Site.contentSecurityPolicy(null))
                .isEqualTo("default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'");
        assertThat(Site.baseMapSource("https://tile.openstreetmap.org/{z}/{x}/{y}.png"))
                .isEqualTo("https://tile.openstreetmap.org");
        assertThat(Site.baseMapSource("https://{s}.tile.example.org/{z}/{x}/{y}.png?key=a"))
                .isEqualTo("https://*.tile.example.org");
        assertThat(Site.baseMapSource("http://localhost:8080/tiles/{z}/{x}/{y}.png"))
                .isEqualTo("http://localhost:8080");
        assertThat(Site.baseMapSource("https://tiles-{s}.example.org/{z}/{x}/{y}.png")).isEqualTo("https:");
    }

    @Test
    void site_services_turn_a_blank_base_map_off_and_refuse_other_schemes() {
        InMemoryStatStore stats = new InMemoryStatStore();
        org.ichnaea.core.stats.RegionStatStore regions = new org.ichnaea.core.stats.InMemoryRegionStatStore(
                new org.ichnaea.core.station.InMemoryWifiStationStore(),
                new org.ichnaea.core.station.InMemoryBlueStationStore(),
                new org.ichnaea.core.station.InMemoryCellAreaStore());
        Path dir = Path.of("data");
        assertThat(new SiteServices(stats, regions, dir, "  ", Clock.systemUTC()).baseMapUrl()).isNull();
        assertThat(new SiteServices(stats, regions, dir, Clock.systemUTC()).exportDir())
                .isEqualTo(Path.of("data", "export"));
        assertThatThrownBy(() -> new SiteServices(stats, regions, dir, "javascript:alert(1)", Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
