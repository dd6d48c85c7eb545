package org.ichnaea.core.locate.fallback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.ichnaea.core.apikey.ApiKey;
import org.ichnaea.core.apikey.ApiType;
import org.ichnaea.core.apikey.FallbackSchema;
import org.ichnaea.core.locate.LocateQuery;
import org.ichnaea.core.locate.Locator;
import org.ichnaea.core.locate.Position;
import org.ichnaea.core.locate.QueryInput;
import org.ichnaea.core.station.InMemoryWifiStationStore;
import org.ichnaea.core.testing.InMemoryFallbackClient;
import org.ichnaea.core.testing.TestClock;
import org.ichnaea.core.testing.TestStations;
import org.junit.jupiter.api.Test;

/**
 * The fallback source of docs/algorithms.md §9 with the cache fix of docs/decisions/001-fixed-ichnaea-quirks.md fix 2.
 */
class FallbackSourceTest {

    private final InMemoryFallbackClient client = new InMemoryFallbackClient();
    private final InMemoryFallbackCacheTest.MutableClock clock = new InMemoryFallbackCacheTest.MutableClock();
    private final InMemoryWifiStationStore wifi = new InMemoryWifiStationStore();

    private static ApiKey key(Integer rateLimit, Integer cacheExpire) {
        return new ApiKey("fb-key", null, true, true, true, "prov", FallbackSchema.ICHNAEA_V1,
                "http://127.0.0.1:9/v1/geolocate", rateLimit, 60, cacheExpire, 100, 100);
    }

    private Locator locator(ApiKey key) {
        return Locator.builder().wifiStations(wifi).clock(clock).defaultKey(key)
                .fallback(client, new InMemoryFallbackCache(clock), new InMemoryRateLimiter(clock)).build();
    }

    private static QueryInput twoWifis() {
        return QueryInput.builder().wifi("aa:bb:cc:00:00:01", -60).wifi("aa:bb:cc:00:00:02", -60).build();
    }

    @Test
    void a_provider_answer_wins_over_fresh_stations_with_score_10() {
        wifi.saveAll(List.of(TestStations.wifi("aa:bb:cc:00:00:01").at(51.5, -0.1).build(),
                TestStations.wifi("aa:bb:cc:00:00:02").at(51.5, -0.1).build()));
        Position p = locator(key(0, null)).locate(twoWifis()).orElseThrow();
        assertThat(client.calls()).hasSize(1);
        assertThat(p.accuracy()).isEqualTo(10.0);
        // The fresh cluster (0.1) and the provider answer (10) agree; the more accurate internal result is chosen.
        assertThat(p.fallback()).isNull();
    }

    @Test
    void established_stations_satisfy_the_query_and_the_provider_is_not_asked() {
        wifi.saveAll(List.of(TestStations.wifi("aa:bb:cc:00:00:01").at(51.5, -0.1).samples(8)
                        .created(TestClock.daysAgo(30)).build(),
                TestStations.wifi("aa:bb:cc:00:00:02").at(51.5, -0.1).samples(8).created(TestClock.daysAgo(30))
                        .build()));
        assertThat(locator(key(0, null)).locate(twoWifis())).isPresent();
        assertThat(client.calls()).isEmpty();
    }

    @Test
    void keys_without_fallback_rights_and_queries_without_networks_never_call_out() {
        assertThat(locator(ApiKey.unlimited("plain")).locate(twoWifis())).isEmpty();
        assertThat(locator(key(0, null)).locate(QueryInput.builder().ip("81.2.69.160").build())).isEmpty();
        assertThat(client.calls()).isEmpty();
    }

    @Test
    void a_lacf_answer_scores_5_and_keeps_its_tag() {
        client.answer(new FallbackAnswer.Found(52.0, 13.0, 20_000, "lacf"));
        assertThat(locator(key(0, null)).locate(twoWifis())).contains(new Position(52.0, 13.0, 20_000.0, "lacf"));
    }

    @Test
    void the_rate_limit_allows_n_calls_per_interval_and_zero_means_unlimited() {
        Locator limited = locator(key(2, null));
        assertThat(limited.locate(twoWifis())).isPresent();
        assertThat(limited.locate(twoWifis())).isPresent();
        assertThat(limited.locate(twoWifis())).isEmpty();
        assertThat(client.calls()).hasSize(2);
        clock.advance(java.time.Duration.ofSeconds(60));
        assertThat(limited.locate(twoWifis())).isPresent();

        Locator unlimited = locator(key(0, null));
        for (int i = 0; i < 5; i++) {
            assertThat(unlimited.locate(twoWifis())).isPresent();
        }
    }

    @Test
    void answers_and_not_found_are_cached_but_errors_are_not() {
        Locator cached = locator(key(0, 3600));
        assertThat(cached.locate(twoWifis())).isPresent();
        assertThat(cached.locate(twoWifis())).isPresent();
        assertThat(client.calls()).hasSize(1);

        QueryInput other = QueryInput.builder().wifi("aa:bb:cc:00:00:03", -60).wifi("aa:bb:cc:00:00:04", -60)
                .build();
        client.answer(new FallbackAnswer.NotFound());
        assertThat(cached.locate(other)).isEmpty();
        assertThat(cached.locate(other)).isEmpty();
        assertThat(client.calls()).hasSize(2);

        QueryInput third = QueryInput.builder().wifi("aa:bb:cc:00:00:05", -60).wifi("aa:bb:cc:00:00:06", -60)
                .build();
        client.fail(new FallbackException("HTTP 500"));
        assertThat(cached.locate(third)).isEmpty();
        assertThat(cached.locate(third)).isEmpty();
        assertThat(client.calls()).hasSize(4);
    }

    @Test
    void only_simple_queries_are_cacheable() {
        Locator cached = locator(key(0, 3600));
        QueryInput mixed = QueryInput.builder().wifi("aa:bb:cc:00:00:01", -60).wifi("aa:bb:cc:00:00:02", -60)
                .cell("lte", 262, 2, 812, 1, -90).build();
        cached.locate(mixed);
        cached.locate(mixed);
        assertThat(client.calls()).hasSize(2);
    }

    @Test
    void cache_entries_group_by_latitude_and_longitude() {
        FallbackAnswer london = new FallbackAnswer.Found(51.5, -0.1, 100, null);
        FallbackAnswer sameLatElsewhere = new FallbackAnswer.Found(51.5, 10.0, 100, null);
        // docs/decisions/001-fixed-ichnaea-quirks.md fix 2: Ichnaea grouped by (lat, lat) and averaged these two into
        // one answer.
        assertThat(FallbackSource.combine(List.of(Optional.of(london), Optional.of(sameLatElsewhere)))).isEmpty();

        FallbackAnswer near = new FallbackAnswer.Found(51.5001, -0.1001, 50, null);
        Optional<FallbackAnswer> combined = FallbackSource.combine(List.of(Optional.of(london), Optional.empty(),
                Optional.of(near)));
        assertThat(combined).containsInstanceOf(FallbackAnswer.Found.class);
        FallbackAnswer.Found found = (FallbackAnswer.Found) combined.orElseThrow();
        assertThat(found.lat()).isEqualTo((51.5 + 51.5001) / 2);
        assertThat(found.accuracy()).isGreaterThan(100).isLessThan(110);

        assertThat(FallbackSource.combine(List.of(Optional.of(new FallbackAnswer.NotFound()))))
                .contains(new FallbackAnswer.NotFound());
        assertThat(FallbackSource.combine(List.of(Optional.of(new FallbackAnswer.NotFound()), Optional.of(london))))
                .isEmpty();
        assertThat(FallbackSource.combine(List.of(Optional.empty()))).isEmpty();
    }

    @Test
    void cache_keys_name_vendor_kind_and_network() {
        LocateQuery q = new org.ichnaea.core.locate.QueryNormalizer().normalize(
                QueryInput.builder().cell("lte", 262, 2, 812, 1, -90).build(), key(0, 60), ApiType.LOCATE);
        assertThat(FallbackSource.cacheKeys(key(0, 60), q)).containsExactly("cache:fallback:ichnaea:v1:1:cell:lte:262:2:812:1");
    }
}
