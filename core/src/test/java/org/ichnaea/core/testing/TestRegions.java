package org.ichnaea.core.testing;

import org.ichnaea.core.geo.BoundingBox;
import org.ichnaea.core.region.InMemoryRegionShapes;

/** Rough rectangles for a few regions, with the maximum radii of docs/algorithms.md §7 where it gives them. */
public final class TestRegions {

    private TestRegions() {
    }

    public static InMemoryRegionShapes some() {
        return new InMemoryRegionShapes()
                .add("GB", "United Kingdom", 543_000, new BoundingBox(49.9, -8.6, 60.9, 1.8))
                .add("GG", "Guernsey", 10_000, new BoundingBox(49.4, -2.7, 49.5, -2.5))
                .add("JE", "Jersey", 12_000, new BoundingBox(49.15, -2.25, 49.27, -2.0))
                .add("IM", "Isle of Man", 30_000, new BoundingBox(54.0, -4.8, 54.4, -4.3))
                .add("FR", "France", 570_000, new BoundingBox(42.3, -4.8, 51.1, 8.2))
                .add("MC", "Monaco", 2_000, new BoundingBox(43.72, 7.40, 43.75, 7.44))
                .add("DE", "Germany", 463_000, new BoundingBox(47.3, 5.9, 55.1, 15.0))
                .add("US", "United States", 2_971_000, new BoundingBox(24.5, -125.0, 49.4, -66.9))
                .add("PR", "Puerto Rico", 100_000, new BoundingBox(17.9, -67.3, 18.5, -65.6))
                .add("FI", "Finland", 600_000, new BoundingBox(59.8, 20.5, 70.1, 31.6));
    }
}
