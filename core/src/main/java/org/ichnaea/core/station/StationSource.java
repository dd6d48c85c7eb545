package org.ichnaea.core.station;

import java.util.Locale;
import java.util.Optional;

/** Where a position came from (Ichnaea's ReportSource), with its stored numeric code. */
public enum StationSource {
    FIXED(0),
    GNSS(3),
    FUSED(6),
    QUERY(9);

    private final int code;

    StationSource(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<StationSource> parse(String label) {
        if (label == null) {
            return Optional.empty();
        }
        return switch (label.trim().toLowerCase(Locale.ROOT)) {
            case "fixed" -> Optional.of(FIXED);
            case "gnss" -> Optional.of(GNSS);
            case "fused" -> Optional.of(FUSED);
            case "query" -> Optional.of(QUERY);
            default -> Optional.empty();
        };
    }

    public static StationSource ofCode(int code) {
        for (StationSource source : values()) {
            if (source.code == code) {
                return source;
            }
        }
        throw new IllegalArgumentException("unknown station source code " + code);
    }
}
