/**
 * The coverage map (docs/algorithms.md §13.4): the grid of where data was submitted, by day, the port that keeps it,
 * and {@link org.ichnaea.core.datamap.TileRenderer}, which renders the grid into PNG tiles under a directory.
 */
package org.ichnaea.core.datamap;
