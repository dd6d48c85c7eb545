package org.ichnaea.core.locate;

import java.util.ArrayList;
import java.util.List;

/**
 * A locate or region request as the client sent it, after JSON decoding but before any validation: every value may
 * be null or out of range. {@link QueryNormalizer} turns it into a {@link LocateQuery}.
 *
 * @param ip         the client address as text (first {@code X-Forwarded-For} entry or socket peer), may be null
 * @param considerIp the top-level {@code considerIp}; only used when {@code fallbacks} is absent
 * @param fallbacks  the {@code fallbacks} object, null when absent
 * @param radioType  the top-level {@code radioType}, applied to cells that lack their own
 */
public record QueryInput(String ip, Boolean considerIp, Fallbacks fallbacks, String radioType, List<Blue> blues,
                         List<Cell> cells, List<Wifi> wifis) {

    public QueryInput {
        blues = withoutNulls(blues);
        cells = withoutNulls(cells);
        wifis = withoutNulls(wifis);
    }

    /** JSON lists may hold nulls; they are dropped like any other unusable entry. */
    private static <T> List<T> withoutNulls(List<T> entries) {
        return entries == null ? List.of() : entries.stream().filter(java.util.Objects::nonNull).toList();
    }

    /** The {@code fallbacks} object; a null member means "not given" (default true). */
    public record Fallbacks(Boolean lacf, Boolean ipf) {
    }

    /** A {@code bluetoothBeacons} entry. */
    public record Blue(String macAddress, Long age, Long signalStrength, String name) {
    }

    /** A {@code wifiAccessPoints} entry. */
    public record Wifi(String macAddress, Long age, Long channel, Long frequency, Long signalStrength,
                       Long signalToNoiseRatio, String ssid) {
    }

    /**
     * A {@code cellTowers} entry. {@code cellId} also carries Google's {@code newRadioCellId}; {@code psc} is the
     * primary scrambling code or NR physical cell id.
     */
    public record Cell(String radioType, Long mobileCountryCode, Long mobileNetworkCode, Long locationAreaCode,
                       Long cellId, Long psc, Long age, Long signalStrength, Long asu, Long timingAdvance) {
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A fluent way to write queries in code (embedding, tests). */
    public static final class Builder {
        private String ip;
        private Boolean considerIp;
        private Fallbacks fallbacks;
        private String radioType;
        private final List<Blue> blues = new ArrayList<>();
        private final List<Cell> cells = new ArrayList<>();
        private final List<Wifi> wifis = new ArrayList<>();

        public Builder ip(String value) {
            this.ip = value;
            return this;
        }

        public Builder considerIp(Boolean value) {
            this.considerIp = value;
            return this;
        }

        public Builder fallbacks(Boolean lacf, Boolean ipf) {
            this.fallbacks = new Fallbacks(lacf, ipf);
            return this;
        }

        public Builder radioType(String value) {
            this.radioType = value;
            return this;
        }

        public Builder wifi(String mac, Integer signal) {
            return wifi(new Wifi(mac, null, null, null, signal == null ? null : signal.longValue(), null, null));
        }

        public Builder wifi(Wifi wifi) {
            wifis.add(wifi);
            return this;
        }

        public Builder blue(String mac, Integer signal) {
            return blue(new Blue(mac, null, signal == null ? null : signal.longValue(), null));
        }

        public Builder blue(Blue blue) {
            blues.add(blue);
            return this;
        }

        public Builder cell(String radio, int mcc, int mnc, long lac, long cid, Integer signal) {
            return cell(new Cell(radio, (long) mcc, (long) mnc, lac, cid, null, null,
                    signal == null ? null : signal.longValue(), null, null));
        }

        public Builder cell(Cell cell) {
            cells.add(cell);
            return this;
        }

        public QueryInput build() {
            return new QueryInput(ip, considerIp, fallbacks, radioType, blues, cells, wifis);
        }
    }
}
