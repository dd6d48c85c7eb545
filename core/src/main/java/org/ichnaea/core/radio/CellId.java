package org.ichnaea.core.radio;

/**
 * A cell: its area plus the cell id (28 bits for GSM/WCDMA/LTE, 36 bits for NR).
 */
public record CellId(RadioType radio, int mcc, int mnc, int lac, long cid) implements Comparable<CellId> {

    /** Largest cell id of GSM, WCDMA and LTE (2^28−1). */
    public static final long MAX_CID = (1L << 28) - 1;
    /** Largest NR cell identity (2^36−1). */
    public static final long MAX_NR_CID = (1L << 36) - 1;
    /** Largest LAC/TAC of GSM, WCDMA and LTE; 65534 and 65535 are reserved. */
    public static final int MAX_LAC = 65533;
    /** Largest NR tracking area code (2^24−1). */
    public static final int MAX_NR_LAC = (1 << 24) - 1;

    public CellId {
        new CellAreaId(radio, mcc, mnc, lac);
        if (cid < 0 || cid > maxCid(radio)) {
            throw new IllegalArgumentException("cell id out of range for " + radio + ": " + cid);
        }
    }

    public static CellId of(CellAreaId area, long cid) {
        return new CellId(area.radio(), area.mcc(), area.mnc(), area.lac(), cid);
    }

    public static long maxCid(RadioType radio) {
        return radio == RadioType.NR ? MAX_NR_CID : MAX_CID;
    }

    public static int maxLac(RadioType radio) {
        return radio == RadioType.NR ? MAX_NR_LAC : MAX_LAC;
    }

    public CellAreaId area() {
        return new CellAreaId(radio, mcc, mnc, lac);
    }

    /** {@code radio:mcc:mnc:lac:cid}. */
    @Override
    public String toString() {
        return radio.label() + ":" + mcc + ":" + mnc + ":" + lac + ":" + cid;
    }

    @Override
    public int compareTo(CellId o) {
        int c = area().compareTo(o.area());
        return c != 0 ? c : Long.compare(cid, o.cid);
    }
}
