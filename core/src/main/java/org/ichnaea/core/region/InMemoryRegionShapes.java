package org.ichnaea.core.region;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.ichnaea.core.geo.BoundingBox;

/**
 * Regions drawn as latitude/longitude rectangles, for tests and for embedding apps that do not need real borders.
 * Where rectangles overlap, the smallest one containing the point wins.
 */
public final class InMemoryRegionShapes implements RegionShapes {

    private record Shape(String code, String name, List<BoundingBox> boxes, double maxRadiusMeters) {
        double area() {
            return boxes.stream().mapToDouble(b -> (b.maxLat() - b.minLat()) * (b.maxLon() - b.minLon())).sum();
        }

        boolean contains(double lat, double lon) {
            return boxes.stream().anyMatch(b -> b.contains(lat, lon));
        }
    }

    private final Map<String, Shape> shapes = new LinkedHashMap<>();

    /** No regions at all: every point is at sea. */
    public static InMemoryRegionShapes empty() {
        return new InMemoryRegionShapes();
    }

    /** Adds a region made of one or more rectangles. */
    public InMemoryRegionShapes add(String code, String name, double maxRadiusMeters, BoundingBox... boxes) {
        shapes.put(code, new Shape(code, name, List.of(boxes), maxRadiusMeters));
        return this;
    }

    @Override
    public Optional<String> region(double lat, double lon) {
        Shape best = null;
        for (Shape shape : shapes.values()) {
            if (shape.contains(lat, lon) && (best == null || shape.area() < best.area())) {
                best = shape;
            }
        }
        return Optional.ofNullable(best).map(Shape::code);
    }

    @Override
    public boolean inRegion(double lat, double lon, String code) {
        Shape shape = shapes.get(code);
        return shape != null && shape.contains(lat, lon);
    }

    @Override
    public boolean anyRegion(double lat, double lon) {
        return shapes.values().stream().anyMatch(s -> s.contains(lat, lon));
    }

    @Override
    public Set<String> codes() {
        return Set.copyOf(new ArrayList<>(shapes.keySet()));
    }

    @Override
    public Optional<String> name(String code) {
        return Optional.ofNullable(shapes.get(code)).map(Shape::name);
    }

    @Override
    public OptionalDouble maxRadiusMeters(String code) {
        Shape shape = shapes.get(code);
        return shape == null ? OptionalDouble.empty() : OptionalDouble.of(shape.maxRadiusMeters());
    }
}
