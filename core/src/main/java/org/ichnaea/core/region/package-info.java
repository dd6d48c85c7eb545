/** Regions: the geocoder port (which GENC region a point is in, names, maximum radii) and a rectangle-based fake. */
package org.ichnaea.core.region;
