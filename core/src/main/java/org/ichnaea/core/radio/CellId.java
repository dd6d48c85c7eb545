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

    /**
     * The radio a cell really has when a client (or a cell file) says {@code claimed}: a GSM cell id has 16 bits, so a
     * "GSM" cell with a larger id is a UMTS cell and is WCDMA (Ichnaea's rule, docs/algorithms.md §1). Submit,
     * query and the cell CSV import all apply it through this method, so a cell is stored and asked for under the
     * same radio.
     */
    public static RadioType radioOf(RadioType claimed, Long cid) {
        return claimed == RadioType.GSM && cid != null && cid > 65535 ? RadioType.WCDMA : claimed;
    }

    public static long maxCid(RadioType radio) {
        return radio == RadioType.NR ? MAX_NR_CID : MAX_CID;
    }

    public static int maxLac(RadioType radio) {
        return radio == RadioType.NR ? MAX_NR_LAC : MAX_LAC;
    }

    /**
     * The cell ids of this cell's site, as far as the id tells, as {@code {first, last}}: an LTE cell's eNodeB
     * ({@code cid >> 8}), an NR cell's gNodeB (assuming at most 12 bits of local cell id), a WCDMA cell's NodeB (same
     * RNC, same 16-bit cell id but for its last decimal digit, the sector as operators number them), a GSM cell's
     * site (same id but for its last decimal digit).
     */
    public long[] siteCids() {
        return switch (radio) {
            case LTE -> new long[] {cid & ~0xFFL, cid | 0xFFL};
            case NR -> new long[] {cid & ~0xFFFL, cid | 0xFFFL};
            case WCDMA -> {
                long rnc = cid & ~0xFFFFL;
                long local = (cid & 0xFFFF) / 10 * 10;
                yield new long[] {rnc | local, rnc | Math.min(local + 9, 0xFFFF)};
            }
            default -> new long[] {cid / 10 * 10, cid / 10 * 10 + 9};
        };
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
