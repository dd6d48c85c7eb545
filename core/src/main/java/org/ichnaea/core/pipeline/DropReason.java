package org.ichnaea.core.pipeline;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Why the internal export left something out (docs/algorithms.md §13.6, "What is dropped, and counted"). Report
 * reasons count reports; the others count observations, except {@link #BLOCKED_STATION}, which counts stations.
 */
public enum DropReason {
    /** A report without a usable position (none, not finite, or out of range). */
    NO_POSITION,
    /** A report whose position is outside every region (at sea, or beyond the loaded shapes). */
    OUTSIDE_REGIONS,
    /** A second copy of a report in one batch (a redelivery): applied once. */
    DUPLICATE_REPORT,
    /** A Wi-Fi whose SSID opts out ({@code _nomap}, {@code _optout}). */
    OPTED_OUT_WIFI,
    /** A cell entry without a full cell id (an area-only entry). */
    CELL_WITHOUT_ID,
    /** A cell whose position is outside every region its MCC serves. */
    CELL_OUTSIDE_MCC_REGIONS,
    /** An observation of weight 0 (position accuracy past the limit, too old, too fast, too weak). */
    ZERO_WEIGHT,
    /** A blocked station's observations, counted once per station and batch (StationAction.DROPPED). */
    BLOCKED_STATION;

    /** The label in logs and metrics: {@code no_position}, {@code cell_outside_mcc_regions}, ... */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A map with every reason at 0, in declaration order. */
    public static Map<DropReason, Integer> emptyCounts() {
        Map<DropReason, Integer> counts = new EnumMap<>(DropReason.class);
        for (DropReason reason : values()) {
            counts.put(reason, 0);
        }
        return counts;
    }

    /** {@code reason=n} for the reasons with n > 0, as {@code {no_position=1, zero_weight=3}}. */
    public static String describe(Map<DropReason, Integer> counts) {
        StringBuilder out = new StringBuilder("{");
        counts.forEach((reason, n) -> {
            if (n > 0) {
                out.append(out.length() > 1 ? ", " : "").append(reason.label()).append('=').append(n);
            }
        });
        return out.append('}').toString();
    }
}
