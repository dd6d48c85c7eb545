package org.ichnaea.core.locate;

import java.util.Locale;

/**
 * Which locate engine answers and how the pipeline learns (docs/algorithms.md, docs/accuracy.md).
 *
 * <ul>
 *   <li>{@link #REFINED} (the default): station positions learnt with received-power weights; Wi-Fi and Bluetooth
 *       answers from a power-weighted centroid of the strongest networks heard; cells answered from their siblings
 *       (same eNodeB, NodeB site) when unknown; accuracy radii calibrated per kind of answer.</li>
 *   <li>{@link #ICHNAEA}: Mozilla Ichnaea's algorithm, step for step (docs/algorithms.md §1–§12, §13.6), for answers
 *       identical to Ichnaea's.</li>
 * </ul>
 */
public enum Algorithm {
    REFINED,
    ICHNAEA;

    /** The setting's value: {@code refined} or {@code ichnaea}, any case. */
    public static Algorithm parse(String value) {
        if (value == null || value.isBlank()) {
            return REFINED;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not an algorithm: " + value + " (refined or ichnaea)", e);
        }
    }

    /** The setting's spelling. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
