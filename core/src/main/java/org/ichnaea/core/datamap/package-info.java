/**
 * The coverage map (docs/algorithms.md §13.4): the grid of where data was submitted, by day, the port that keeps it,
 * {@link org.ichnaea.core.datamap.TileRenderer}, which draws the grid into tiles, and the port those go to,
 * {@link org.ichnaea.core.datamap.TileStore} (the PNG files are an adapter's).
 */
package org.ichnaea.core.datamap;
