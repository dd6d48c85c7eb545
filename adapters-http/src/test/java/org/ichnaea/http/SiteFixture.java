package org.ichnaea.http;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.NavigableMap;
import java.util.OptionalLong;
import org.ichnaea.core.StoreUnavailableException;
import org.ichnaea.core.station.InMemoryBlueStationStore;
import org.ichnaea.core.station.InMemoryCellAreaStore;
import org.ichnaea.core.station.InMemoryWifiStationStore;
import org.ichnaea.core.stats.InMemoryRegionStatStore;
import org.ichnaea.core.stats.InMemoryStatStore;
import org.ichnaea.core.stats.RegionStat;
import org.ichnaea.core.stats.RegionStatStore;
import org.ichnaea.core.stats.StatKey;
import org.ichnaea.core.stats.StatStore;
import org.ichnaea.core.testing.TestClock;
import org.ichnaea.http.site.SiteServices;

/** The web application with its site, over in-memory statistics, a temporary data directory and a clock to move. */
final class SiteFixture {

    final TestWeb web = new TestWeb();
    final InMemoryStatStore stats = new InMemoryStatStore();
    final InMemoryWifiStationStore wifi = new InMemoryWifiStationStore();
    final InMemoryBlueStationStore blue = new InMemoryBlueStationStore();
    final InMemoryCellAreaStore areas = new InMemoryCellAreaStore();
    final InMemoryRegionStatStore regions = new InMemoryRegionStatStore(wifi, blue, areas);
    final MutableClock clock = new MutableClock(TestClock.NOW);
    final Path dataDir;
    StatStore statStore = stats;
    RegionStatStore regionStore = regions;
    String baseMapUrl;

    SiteFixture(Path dataDir) {
        this.dataDir = dataDir;
    }

    Javalin app() {
        web.site = new SiteServices(statStore, regionStore, dataDir, baseMapUrl, clock);
        return web.app();
    }

    /** A GET whose body is kept as bytes (javalin-testtools keeps strings only). */
    static HttpResponse<byte[]> bytes(io.javalin.testtools.HttpClient client, String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(client.getOrigin() + path))
                    .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A request of any method, e.g. HEAD or OPTIONS (javalin-testtools has neither). */
    static HttpResponse<String> send(io.javalin.testtools.HttpClient client, String method, String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(client.getOrigin() + path))
                    .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A clock the test moves forward. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** A {@code stat} table whose database is down. */
    static final class UnavailableStatStore implements StatStore {
        @Override
        public void add(StatKey key, LocalDate day, long delta) {
            throw new StoreUnavailableException("stat table down");
        }

        @Override
        public OptionalLong latest(StatKey key, LocalDate day) {
            throw new StoreUnavailableException("stat table down");
        }

        @Override
        public NavigableMap<LocalDate, Long> series(StatKey key, LocalDate from) {
            throw new StoreUnavailableException("stat table down");
        }

        @Override
        public int deleteBefore(LocalDate day) {
            throw new StoreUnavailableException("stat table down");
        }
    }

    /** A {@code region_stat} table whose database is down. */
    static final class UnavailableRegionStatStore implements RegionStatStore {
        @Override
        public int recompute() {
            throw new StoreUnavailableException("region_stat table down");
        }

        @Override
        public List<RegionStat> findAll() {
            throw new StoreUnavailableException("region_stat table down");
        }
    }
}
