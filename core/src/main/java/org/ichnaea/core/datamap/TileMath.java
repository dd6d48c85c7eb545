package org.ichnaea.core.datamap;

/**
 * Slippy-map tile arithmetic: spherical Web Mercator (EPSG:3857), 256-pixel tiles, tile {@code x} from the
 * antimeridian eastwards and {@code y} from the north, as OpenStreetMap, Mapbox and Leaflet number them. At zoom
 * {@code z} the world is {@code 256 * 2^z} pixels square. Uses {@link StrictMath} so every machine draws the same
 * tiles.
 */
public final class TileMath {

    /** Pixels on a tile's side. */
    public static final int TILE_SIZE = 256;

    /** The latitude where Web Mercator's square world ends, {@code atan(sinh(pi))} degrees. */
    public static final double MAX_LATITUDE = 85.05112877980659;

    private TileMath() {
    }

    /** Pixels across the world at {@code zoom}. */
    public static double worldSize(int zoom) {
        if (zoom < 0 || zoom > 30) {
            throw new IllegalArgumentException("zoom out of range: " + zoom);
        }
        return TILE_SIZE * (double) (1L << zoom);
    }

    /** The x of a longitude in world pixels at {@code zoom}, from 0 at 180° W to {@link #worldSize} at 180° E. */
    public static double pixelX(double lon, int zoom) {
        return (lon + 180.0) / 360.0 * worldSize(zoom);
    }

    /**
     * The y of a latitude in world pixels at {@code zoom}, from 0 at {@link #MAX_LATITUDE} to {@link #worldSize} at
     * its negative; latitudes beyond are clamped.
     */
    public static double pixelY(double lat, int zoom) {
        double clamped = Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat));
        double phi = StrictMath.toRadians(clamped);
        double mercator = StrictMath.log(StrictMath.tan(Math.PI / 4 + phi / 2));
        return (0.5 - mercator / (2 * Math.PI)) * worldSize(zoom);
    }

    /** The column of the tile holding a longitude at {@code zoom}, in {@code 0 .. 2^zoom - 1}. */
    public static int tileX(double lon, int zoom) {
        return tileOf(pixelX(lon, zoom), zoom);
    }

    /** The row of the tile holding a latitude at {@code zoom}, in {@code 0 .. 2^zoom - 1}, 0 in the north. */
    public static int tileY(double lat, int zoom) {
        return tileOf(pixelY(lat, zoom), zoom);
    }

    private static int tileOf(double pixel, int zoom) {
        long tile = (long) Math.floor(pixel / TILE_SIZE);
        return (int) Math.max(0, Math.min((1L << zoom) - 1, tile));
    }
}
