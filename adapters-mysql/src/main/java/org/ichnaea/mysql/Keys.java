package org.ichnaea.mysql;

import org.ichnaea.core.radio.CellAreaId;
import org.ichnaea.core.radio.CellId;
import org.ichnaea.core.radio.RadioType;

/**
 * Binary primary keys. Ichnaea's 11-byte cell id and 7-byte area id cannot hold NR's 24-bit area codes and 36-bit
 * cell ids, so both are widened: area id = radio (1 byte), MCC (2), MNC (2), LAC (3); cell id = area id + cell id
 * (5), all big-endian.
 */
final class Keys {

    private Keys() {
    }

    static byte[] areaId(CellAreaId id) {
        byte[] out = new byte[8];
        writeArea(out, id.radio(), id.mcc(), id.mnc(), id.lac());
        return out;
    }

    static byte[] cellId(CellId id) {
        byte[] out = new byte[13];
        writeArea(out, id.radio(), id.mcc(), id.mnc(), id.lac());
        long cid = id.cid();
        for (int i = 0; i < 5; i++) {
            out[8 + i] = (byte) (cid >>> (8 * (4 - i)));
        }
        return out;
    }

    private static void writeArea(byte[] out, RadioType radio, int mcc, int mnc, int lac) {
        out[0] = (byte) radio.code();
        out[1] = (byte) (mcc >>> 8);
        out[2] = (byte) mcc;
        out[3] = (byte) (mnc >>> 8);
        out[4] = (byte) mnc;
        out[5] = (byte) (lac >>> 16);
        out[6] = (byte) (lac >>> 8);
        out[7] = (byte) lac;
    }
}
