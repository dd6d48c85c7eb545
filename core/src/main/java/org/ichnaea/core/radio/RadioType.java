package org.ichnaea.core.radio;

import java.util.Locale;
import java.util.Optional;

/**
 * The cell radio types the service knows, with Ichnaea's numeric codes (gsm 0, cdma 1, wcdma 2, lte 3) and 4 for 5G
 * NR, which Ichnaea lacks. CDMA is recognised so that it can be dropped quietly; no CDMA cell is ever located or
 * stored.
 */
public enum RadioType {
    GSM(0, "gsm", -113, -113, -51, 0, 31),
    CDMA(1, "cdma", 0, 0, 0, 0, 0),
    WCDMA(2, "wcdma", -121, -121, -25, -5, 91),
    LTE(3, "lte", -140, -140, -43, 0, 97),
    NR(4, "nr", -156, -156, -31, 0, 127);

    private final int code;
    private final String label;
    private final int minSignal;
    private final int signalLow;
    private final int signalHigh;
    private final int asuLow;
    private final int asuHigh;

    RadioType(int code, String label, int minSignal, int signalLow, int signalHigh, int asuLow, int asuHigh) {
        this.code = code;
        this.label = label;
        this.minSignal = minSignal;
        this.signalLow = signalLow;
        this.signalHigh = signalHigh;
        this.asuLow = asuLow;
        this.asuHigh = asuHigh;
    }

    /** Parses a client radio name, case-insensitively; {@code umts} is an alias of wcdma. */
    public static Optional<RadioType> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "gsm" -> Optional.of(GSM);
            case "cdma" -> Optional.of(CDMA);
            case "wcdma", "umts" -> Optional.of(WCDMA);
            case "lte" -> Optional.of(LTE);
            case "nr" -> Optional.of(NR);
            default -> Optional.empty();
        };
    }

    public static RadioType ofCode(int code) {
        for (RadioType type : values()) {
            if (type.code == code) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown radio code " + code);
    }

    /** Ichnaea's numeric code (stored in the {@code radio} columns and the binary ids). */
    public int code() {
        return code;
    }

    /** The lower-case name used on the wire ({@code gsm}, {@code wcdma}, {@code lte}, {@code nr}). */
    public String label() {
        return label;
    }

    /** Whether cells of this radio can be located and stored (everything but CDMA). */
    public boolean isSupported() {
        return this != CDMA;
    }

    /** The signal assumed for a cell that reports none, in dBm (the weakest valid value). */
    public int minSignal() {
        return minSignal;
    }

    /** Whether a signal strength in dBm is plausible for this radio (docs/algorithms.md §1). */
    public boolean isValidSignal(long dbm) {
        return dbm >= signalLow && dbm <= signalHigh;
    }

    /** Whether an arbitrary strength unit is plausible for this radio (docs/algorithms.md §1). */
    public boolean isValidAsu(long asu) {
        return asu >= asuLow && asu <= asuHigh;
    }

    /** The signal in dBm an ASU value stands for: gsm 2·asu−113, wcdma asu−116, lte asu−140, nr asu−156. */
    public int signalFromAsu(int asu) {
        return switch (this) {
            case GSM -> 2 * asu - 113;
            case WCDMA -> asu - 116;
            case LTE -> asu - 140;
            case NR -> asu - 156;
            case CDMA -> throw new IllegalStateException("no ASU rule for cdma");
        };
    }

    @Override
    public String toString() {
        return label;
    }
}
