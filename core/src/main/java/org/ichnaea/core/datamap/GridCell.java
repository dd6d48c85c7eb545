package org.ichnaea.core.datamap;

/**
 * A cell of the coverage grid (docs/storage.md "Schema", docs/algorithms.md §13.4): latitude and longitude in
 * thousandths of a degree (about 110 m), rounded half to even as Ichnaea's Python {@code round}. Stored as two
 * big-endian unsigned 32-bit numbers, {@code lat + 90000} and {@code lon + 180000}, in one of four quadrant tables
 * split at 36° N and 5° E.
 */
public record GridCell(int lat, int lon) {

    public GridCell {
        if (lat < -90_000 || lat > 90_000 || lon < -180_000 || lon > 180_000) {
            throw new IllegalArgumentException("grid cell out of range: " + lat + ", " + lon);
        }
    }

    /** The cell containing a position. */
    public static GridCell of(double lat, double lon) {
        return new GridCell((int) Math.rint(lat * 1000), (int) Math.rint(lon * 1000));
    }

    /** {@code ne}, {@code nw}, {@code se} or {@code sw}: the table suffix. */
    public String quadrant() {
        return (lat < 36_000 ? "s" : "n") + (lon < 5_000 ? "w" : "e");
    }

    public double latitude() {
        return lat / 1000.0;
    }

    public double longitude() {
        return lon / 1000.0;
    }

    /** The 8-byte key. */
    public byte[] encode() {
        long a = lat + 90_000L;
        long b = lon + 180_000L;
        return new byte[] {(byte) (a >>> 24), (byte) (a >>> 16), (byte) (a >>> 8), (byte) a,
            (byte) (b >>> 24), (byte) (b >>> 16), (byte) (b >>> 8), (byte) b};
    }

    public static GridCell decode(byte[] key) {
        if (key.length != 8) {
            throw new IllegalArgumentException("a grid key has 8 bytes, not " + key.length);
        }
        long a = ((key[0] & 0xffL) << 24) | ((key[1] & 0xffL) << 16) | ((key[2] & 0xffL) << 8) | (key[3] & 0xffL);
        long b = ((key[4] & 0xffL) << 24) | ((key[5] & 0xffL) << 16) | ((key[6] & 0xffL) << 8) | (key[7] & 0xffL);
        return new GridCell((int) (a - 90_000), (int) (b - 180_000));
    }
}
