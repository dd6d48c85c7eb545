package org.ichnaea.core.geo;

/** A latitude/longitude box in degrees; the box of a set of observations around a station. */
public record BoundingBox(double minLat, double minLon, double maxLat, double maxLon) {

    public BoundingBox {
        if (minLat > maxLat || minLon > maxLon) {
            throw new IllegalArgumentException("empty bounding box: " + minLat + "," + minLon + " " + maxLat + ","
                    + maxLon);
        }
    }

    /** The box around a single point. */
    public static BoundingBox of(double lat, double lon) {
        return new BoundingBox(lat, lon, lat, lon);
    }

    /** The smallest box containing this box and the point. */
    public BoundingBox extend(double lat, double lon) {
        return new BoundingBox(Math.min(minLat, lat), Math.min(minLon, lon), Math.max(maxLat, lat),
                Math.max(maxLon, lon));
    }

    /** The smallest box containing both boxes. */
    public BoundingBox union(BoundingBox other) {
        return new BoundingBox(Math.min(minLat, other.minLat), Math.min(minLon, other.minLon),
                Math.max(maxLat, other.maxLat), Math.max(maxLon, other.maxLon));
    }

    public boolean contains(double lat, double lon) {
        return lat >= minLat && lat <= maxLat && lon >= minLon && lon <= maxLon;
    }

    /** The distance between the two opposite corners, in metres. */
    public double diagonalMeters() {
        return Geodesy.distance(minLat, minLon, maxLat, maxLon);
    }

    /** {@link Geodesy#circleRadius} of this box around the given centre. */
    public int circleRadius(double lat, double lon) {
        return Geodesy.circleRadius(lat, lon, maxLat, maxLon, minLat, minLon);
    }
}
