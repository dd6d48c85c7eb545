package org.ichnaea.http;

import io.javalin.Javalin;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ichnaea.core.apikey.ApiKey;
import org.ichnaea.core.apikey.ApiKeyStore;
import org.ichnaea.core.apikey.FallbackSchema;
import org.ichnaea.core.apikey.InMemoryApiKeyStore;
import org.ichnaea.core.apikey.InMemoryApiKeyUsage;
import org.ichnaea.core.geoip.GeoIpRecord;
import org.ichnaea.core.geoip.InMemoryGeoIpDatabase;
import org.ichnaea.core.locate.Locator;
import org.ichnaea.core.queue.DataQueue;
import org.ichnaea.core.queue.InMemoryDataQueue;
import org.ichnaea.core.radio.MobileCountryCodes;
import org.ichnaea.core.station.InMemoryCellStationStore;
import org.ichnaea.core.station.InMemoryWifiStationStore;
import org.ichnaea.core.station.WifiStationStore;
import org.ichnaea.core.submit.IncomingReport;
import org.ichnaea.core.submit.SubmitService;
import org.ichnaea.core.testing.TestClock;
import org.ichnaea.core.testing.TestRegions;
import org.ichnaea.http.site.SiteServices;

/** The web application over in-memory stores, as HTTP tests use it. */
final class TestWeb {

    final InMemoryApiKeyStore keys = new InMemoryApiKeyStore();
    /** The key store the application reads: {@link #keys} unless a test puts another one in. */
    ApiKeyStore keyStore = keys;
    final InMemoryApiKeyUsage usage = new InMemoryApiKeyUsage();
    WifiStationStore wifi = new InMemoryWifiStationStore();
    final InMemoryCellStationStore cells = new InMemoryCellStationStore();
    DataQueue<IncomingReport> incoming = new InMemoryDataQueue<>();
    final Map<String, HealthCheck> checks = new LinkedHashMap<>();
    WebSettings settings = WebSettings.defaults();
    /** The web site's services; null: no site, as before it existed. */
    SiteServices site;

    TestWeb() {
        keys.save(ApiKey.unlimited("test"));
        keys.save(ApiKey.withDefaults("geoclue_debian"));
        keys.save(new ApiKey("limited", 2, false, true, true, null, FallbackSchema.ICHNAEA_V1, null, null, null,
                null, 100, 100));
        keys.save(new ApiKey("nolocate", null, false, false, false, null, FallbackSchema.ICHNAEA_V1, null, null,
                null, null, 100, 100));
        checks.put("database", () -> HealthCheck.Health.up(Map.of("alembic_version", "1")));
    }

    Javalin app() {
        Locator locator = Locator.builder().wifiStations(wifi).cellStations(cells)
                .geoIp(new InMemoryGeoIpDatabase()
                        .put("81.2.69.160", new GeoIpRecord(51.5142, -0.0931, "GB", 100, true, 2643743L))
                        .put("2a02:c7f::1", new GeoIpRecord(51.5, -0.12, "GB", 50, true, null)))
                .regions(TestRegions.some()).clock(TestClock.fixed()).build();
        SubmitService submit = new SubmitService(incoming, MobileCountryCodes.bundled(), () -> 0.0,
                TestClock.fixed());
        return IchnaeaWeb.create(new IchnaeaWeb.Services(keyStore, usage, locator.normalizer(),
                locator.positionSearcher(), locator.regionSearcher(), submit, checks, TestClock.fixed(),
                new WebMetrics(Map.of("update_incoming", () -> incoming.size())), site), settings);
    }
}
