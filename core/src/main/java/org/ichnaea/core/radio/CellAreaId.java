package org.ichnaea.core.radio;

/**
 * A cell area: radio, mobile country code, mobile network code and location/tracking area code. The area code is up
 * to 16 bits for GSM, WCDMA and LTE and up to 24 bits for NR.
 */
public record CellAreaId(RadioType radio, int mcc, int mnc, int lac) implements Comparable<CellAreaId> {

    public CellAreaId {
        if (radio == null || !radio.isSupported()) {
            throw new IllegalArgumentException("unsupported radio " + radio);
        }
        if (mcc < 1 || mcc > 999 || mnc < 0 || mnc > 999) {
            throw new IllegalArgumentException("mcc/mnc out of range: " + mcc + "/" + mnc);
        }
        if (lac < 0 || lac > CellId.maxLac(radio)) {
            throw new IllegalArgumentException("area code out of range for " + radio + ": " + lac);
        }
    }

    /** {@code radio:mcc:mnc:lac}, e.g. {@code lte:262:2:812}. */
    @Override
    public String toString() {
        return radio.label() + ":" + mcc + ":" + mnc + ":" + lac;
    }

    @Override
    public int compareTo(CellAreaId o) {
        int c = Integer.compare(radio.code(), o.radio.code());
        if (c == 0) {
            c = Integer.compare(mcc, o.mcc);
        }
        if (c == 0) {
            c = Integer.compare(mnc, o.mnc);
        }
        return c != 0 ? c : Integer.compare(lac, o.lac);
    }
}
