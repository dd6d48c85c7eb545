/**
 * Geodesy: distances on the WGS-84 ellipsoid, bounding boxes, enclosing circles and percentiles, the numeric helpers
 * every locate source and the pipeline share (docs/algorithms.md §12).
 */
package org.ichnaea.core.geo;
