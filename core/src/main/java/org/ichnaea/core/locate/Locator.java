package org.ichnaea.core.locate;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import org.ichnaea.core.apikey.ApiKey;
import org.ichnaea.core.apikey.ApiType;
import org.ichnaea.core.geoip.GeoIpDatabase;
import org.ichnaea.core.geoip.GeoIpResolver;
import org.ichnaea.core.geoip.NullGeoIpDatabase;
import org.ichnaea.core.locate.fallback.FallbackCache;
import org.ichnaea.core.locate.fallback.FallbackClient;
import org.ichnaea.core.locate.fallback.FallbackSource;
import org.ichnaea.core.locate.fallback.InMemoryFallbackCache;
import org.ichnaea.core.locate.fallback.InMemoryRateLimiter;
import org.ichnaea.core.locate.fallback.RateLimiter;
import org.ichnaea.core.radio.MobileCountryCodes;
import org.ichnaea.core.region.InMemoryRegionShapes;
import org.ichnaea.core.region.RegionShapes;
import org.ichnaea.core.station.BlueStationStore;
import org.ichnaea.core.station.CellAreaStore;
import org.ichnaea.core.station.CellStationStore;
import org.ichnaea.core.station.InMemoryBlueStationStore;
import org.ichnaea.core.station.InMemoryCellAreaStore;
import org.ichnaea.core.station.InMemoryCellStationStore;
import org.ichnaea.core.station.InMemoryWifiStationStore;
import org.ichnaea.core.station.WifiStationStore;

/**
 * The locate engine in one object: query normalisation, the position searcher and the region searcher, built over
 * whatever stores the caller gives (in-memory ones by default). This is what embedding applications use; the web
 * service wires the same pieces.
 *
 * <pre>{@code
 * Locator locator = Locator.builder().wifiStations(wifiStore).build();
 * Optional<Position> here = locator.locate(QueryInput.builder().wifi("..", -60).wifi("..", -70).build());
 * }</pre>
 */
public final class Locator {

    private final QueryNormalizer normalizer;
    private final PositionSearcher positions;
    private final RegionSearcher regions;
    private final ApiKey defaultKey;

    private Locator(QueryNormalizer normalizer, PositionSearcher positions, RegionSearcher regions,
                    ApiKey defaultKey) {
        this.normalizer = normalizer;
        this.positions = positions;
        this.regions = regions;
        this.defaultKey = defaultKey;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The position for a raw query, asked as the builder's default key (anonymous unless set). */
    public Optional<Position> locate(QueryInput input) {
        return positions.search(normalizer.normalize(input, defaultKey, ApiType.LOCATE));
    }

    /** The region for a raw query. */
    public Optional<RegionAnswer> region(QueryInput input) {
        return regions.search(normalizer.normalize(input, defaultKey, ApiType.REGION));
    }

    public QueryNormalizer normalizer() {
        return normalizer;
    }

    public PositionSearcher positionSearcher() {
        return positions;
    }

    public RegionSearcher regionSearcher() {
        return regions;
    }

    /** Builds a {@link Locator}; every part has an in-memory or null default. */
    public static final class Builder {
        private WifiStationStore wifi = new InMemoryWifiStationStore();
        private BlueStationStore blue = new InMemoryBlueStationStore();
        private CellStationStore cells = new InMemoryCellStationStore();
        private CellAreaStore areas = new InMemoryCellAreaStore();
        private GeoIpDatabase geoIp = new NullGeoIpDatabase();
        private RegionShapes regionShapes = InMemoryRegionShapes.empty();
        private MobileCountryCodes mccs = MobileCountryCodes.bundled();
        private FallbackClient fallbackClient;
        private FallbackCache fallbackCache;
        private RateLimiter rateLimiter;
        private QueryDataSink queryData;
        private LocateSampleRate sampleRate = new InMemoryLocateSampleRate();
        private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();
        private Clock clock = Clock.systemUTC();
        private ApiKey defaultKey;

        public Builder wifiStations(WifiStationStore store) {
            this.wifi = store;
            return this;
        }

        public Builder blueStations(BlueStationStore store) {
            this.blue = store;
            return this;
        }

        public Builder cellStations(CellStationStore store) {
            this.cells = store;
            return this;
        }

        public Builder cellAreas(CellAreaStore store) {
            this.areas = store;
            return this;
        }

        public Builder geoIp(GeoIpDatabase database) {
            this.geoIp = database;
            return this;
        }

        public Builder regions(RegionShapes shapes) {
            this.regionShapes = shapes;
            return this;
        }

        public Builder mobileCountryCodes(MobileCountryCodes table) {
            this.mccs = table;
            return this;
        }

        /** Enables the external fallback for keys that allow it; cache and rate limiter default to in-memory. */
        public Builder fallback(FallbackClient client, FallbackCache cache, RateLimiter limiter) {
            this.fallbackClient = client;
            this.fallbackCache = cache;
            this.rateLimiter = limiter;
            return this;
        }

        /**
         * Hands query observations (docs/algorithms.md §10) to this sink, sampled at {@code rate}; the pipeline's is
         * {@code org.ichnaea.core.submit.QueryReports.into(queue)}.
         */
        public Builder queryData(QueryDataSink sink, LocateSampleRate rate) {
            this.queryData = sink;
            this.sampleRate = rate;
            return this;
        }

        public Builder random(DoubleSupplier source) {
            this.random = source;
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        /** The locate engine: {@link Algorithm#REFINED} unless set. */
        public Builder algorithm(Algorithm value) {
            this.algorithm = java.util.Objects.requireNonNull(value);
            return this;
        }

        private Algorithm algorithm = Algorithm.REFINED;

        /** The key {@link Locator#locate} and {@link Locator#region} ask as; null (anonymous) by default. */
        public Builder defaultKey(ApiKey key) {
            this.defaultKey = key;
            return this;
        }

        public Locator build() {
            InternalSource internal = new InternalSource(wifi, blue, cells, areas, regionShapes, mccs, algorithm);
            GeoIpResolver resolver = new GeoIpResolver(geoIp, regionShapes);
            FallbackSource fallback = fallbackClient == null ? null : new FallbackSource(fallbackClient,
                    fallbackCache != null ? fallbackCache : new InMemoryFallbackCache(clock),
                    rateLimiter != null ? rateLimiter : new InMemoryRateLimiter(clock), clock);
            QueryDataReporter reporter = queryData == null ? null
                    : new QueryDataReporter(queryData, sampleRate, random, clock);
            return new Locator(new QueryNormalizer(mccs), new PositionSearcher(internal, resolver, fallback,
                    reporter, clock), new RegionSearcher(internal, resolver, clock), defaultKey);
        }
    }
}
