package org.ichnaea.core.testing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.ichnaea.core.radio.CellAreaId;
import org.ichnaea.core.radio.CellId;
import org.ichnaea.core.radio.MacAddress;
import org.ichnaea.core.radio.RadioType;
import org.ichnaea.core.station.CellArea;
import org.ichnaea.core.station.CellStation;
import org.ichnaea.core.station.MacStation;
import org.ichnaea.core.station.StationData;
import org.ichnaea.core.station.StationSource;

/**
 * Builders for stations in tests: {@code TestStations.wifi("aa:bb:cc:00:00:01").at(51.5, -0.1).samples(10).build()}.
 * Defaults: created and modified {@link TestClock#NOW}, last seen today, one sample, radius 10 m, source gnss.
 */
public final class TestStations {

    private TestStations() {
    }

    public static MacBuilder wifi(String mac) {
        return new MacBuilder(MacAddress.of(mac));
    }

    public static MacBuilder blue(String mac) {
        return new MacBuilder(MacAddress.of(mac));
    }

    public static CellBuilder cell(RadioType radio, int mcc, int mnc, int lac, long cid) {
        return new CellBuilder(new CellId(radio, mcc, mnc, lac, cid));
    }

    public static AreaBuilder area(RadioType radio, int mcc, int mnc, int lac) {
        return new AreaBuilder(new CellAreaId(radio, mcc, mnc, lac));
    }

    /** Fields common to every station builder. */
    public abstract static class DataBuilder<B extends DataBuilder<B>> {
        Double lat = 51.5;
        Double lon = -0.1;
        Integer radius = 10;
        String region;
        Long samples = 1L;
        StationSource source = StationSource.GNSS;
        Double weight = 1.0;
        Instant created = TestClock.NOW;
        Instant modified = TestClock.NOW;
        LocalDate lastSeen = TestClock.TODAY;
        LocalDate blockFirst;
        LocalDate blockLast;
        Integer blockCount;

        @SuppressWarnings("unchecked")
        private B self() {
            return (B) this;
        }

        public B at(double newLat, double newLon) {
            lat = newLat;
            lon = newLon;
            return self();
        }

        public B noPosition() {
            lat = null;
            lon = null;
            return self();
        }

        public B radius(Integer value) {
            radius = value;
            return self();
        }

        public B region(String value) {
            region = value;
            return self();
        }

        public B samples(long value) {
            samples = value;
            return self();
        }

        public B source(StationSource value) {
            source = value;
            return self();
        }

        public B created(Instant value) {
            created = value;
            return self();
        }

        public B modified(Instant value) {
            modified = value;
            return self();
        }

        /** Created, modified and last seen {@code days} days before {@link TestClock#NOW}. */
        public B age(long days) {
            created = TestClock.daysAgo(days);
            modified = created;
            lastSeen = created.atOffset(ZoneOffset.UTC).toLocalDate();
            return self();
        }

        public B lastSeen(LocalDate value) {
            lastSeen = value;
            return self();
        }

        public B blocked(LocalDate first, LocalDate last, int count) {
            blockFirst = first;
            blockLast = last;
            blockCount = count;
            return self();
        }

        StationData data() {
            return new StationData(lat, lon, lat, lat, lon, lon, radius, region, samples, source, weight, created,
                    modified, lastSeen, blockFirst, blockLast, blockCount);
        }
    }

    /** Builds Wi-Fi and Bluetooth stations. */
    public static final class MacBuilder extends DataBuilder<MacBuilder> {
        private final MacAddress mac;

        MacBuilder(MacAddress mac) {
            this.mac = mac;
        }

        public MacStation build() {
            return new MacStation(mac, data());
        }
    }

    /** Builds cells. */
    public static final class CellBuilder extends DataBuilder<CellBuilder> {
        private final CellId id;
        private Integer psc;

        CellBuilder(CellId id) {
            this.id = id;
            radius = 2000;
        }

        public CellBuilder psc(Integer value) {
            psc = value;
            return this;
        }

        public CellStation build() {
            return new CellStation(id, psc, data());
        }
    }

    /** Builds cell areas. */
    public static final class AreaBuilder extends DataBuilder<AreaBuilder> {
        private final CellAreaId id;
        private int numCells = 1;
        private Integer avgCellRadius = 2000;

        AreaBuilder(CellAreaId id) {
            this.id = id;
            radius = 10_000;
        }

        public AreaBuilder numCells(int value) {
            numCells = value;
            return this;
        }

        public CellArea build() {
            return new CellArea(id, lat, lon, radius, region, avgCellRadius, numCells, created, modified, lastSeen);
        }
    }
}
