package org.ichnaea.core.region;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The geocoder of docs/algorithms.md §11: which region (GENC code) a point is in, the buffered shapes, region
 * names and each region's maximum radius. The production implementation reads bundled Natural Earth shapes.
 */
public interface RegionShapes {

    /** The region containing the point, resolving overlaps of buffered shapes as Ichnaea does; empty at sea. */
    Optional<String> region(double lat, double lon);

    /** Whether the point lies inside the buffered shape of the region. */
    boolean inRegion(double lat, double lon, String code);

    /** Whether the point lies inside any region's buffered shape. */
    boolean anyRegion(double lat, double lon);

    /** Every region code the shapes know. */
    Set<String> codes();

    /** The GENC name of a region, e.g. {@code United Kingdom} for GB. */
    Optional<String> name(String code);

    /** The radius in metres of a circle enclosing the region's largest part. */
    OptionalDouble maxRadiusMeters(String code);

    /**
     * Whether real shapes are loaded. Without them no point is placed in a region, and the pipeline skips its
     * "position inside a region" checks rather than dropping every report.
     */
    default boolean hasShapes() {
        return true;
    }

    default boolean isKnown(String code) {
        return code != null && codes().contains(code);
    }
}
