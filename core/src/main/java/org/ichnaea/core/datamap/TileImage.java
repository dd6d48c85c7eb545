package org.ichnaea.core.datamap;

/**
 * One rendered coverage tile, as {@link TileRenderer} hands it to a {@link TileStore}: a square of one colour,
 * {@code rgb}, whose pixels differ only in opacity.
 *
 * @param zoom     the zoom level
 * @param x        the tile column at {@code zoom}
 * @param y        the tile row at {@code zoom}
 * @param scale    1 for a {@link TileMath#TILE_SIZE}-pixel tile, 2 for the double-resolution ({@code @2x}) one
 * @param rgb      the colour of every pixel, {@code 0xRRGGBB}
 * @param alpha    each pixel's opacity, 0 (transparent) to 255, row by row from the top left: the first
 *                 {@code size() * size()} bytes; the array is the renderer's buffer, valid only during
 *                 {@link TileStore.TileSet#put}
 * @param maxAlpha the highest opacity among the pixels, at least 1 (a tile with no visible pixel is not handed over)
 */
public record TileImage(int zoom, int x, int y, int scale, int rgb, byte[] alpha, int maxAlpha) {

    /** Pixels across and down. */
    public int size() {
        return scale * TileMath.TILE_SIZE;
    }

    /** The opacity, 0 to 255, of the pixel in column {@code px} and row {@code py}. */
    public int alphaAt(int px, int py) {
        return alpha[py * size() + px] & 0xff;
    }
}
