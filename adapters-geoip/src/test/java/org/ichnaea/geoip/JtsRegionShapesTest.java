package org.ichnaea.geoip;

import static org.assertj.core.api.Assertions.assertThat;

import org.ichnaea.core.region.RegionShapes;
import org.ichnaea.core.region.RegionShapesContract;
import org.junit.jupiter.api.Test;

/** The bundled Natural Earth shapes (docs/algorithms.md §11) under core's geocoder contract. */
class JtsRegionShapesTest extends RegionShapesContract {

    private static final JtsRegionShapes SHAPES = JtsRegionShapes.bundled();

    @Override
    protected RegionShapes shapes() {
        return SHAPES;
    }

    @Test
    void places_points_inside_countries() {
        assertThat(SHAPES.region(48.8566, 2.3522)).contains("FR");
        assertThat(SHAPES.region(40.7128, -74.0060)).contains("US");
        assertThat(SHAPES.region(-33.8688, 151.2093)).contains("AU");
        assertThat(SHAPES.region(35.6762, 139.6503)).contains("JP");
        assertThat(SHAPES.region(-22.9068, -43.1729)).contains("BR");
        assertThat(SHAPES.region(60.17, 24.94)).contains("FI");
    }

    @Test
    void near_borders_and_enclaves() {
        // Basel, a few hundred metres from France and Germany.
        assertThat(SHAPES.region(47.5596, 7.5886)).contains("CH");
        // Vatican City inside Rome, San Marino inside Italy, Lesotho inside South Africa.
        assertThat(SHAPES.region(41.9029, 12.4534)).hasValueSatisfying(c -> assertThat(c).isIn("VA", "IT"));
        assertThat(SHAPES.region(43.9424, 12.4578)).contains("SM");
        assertThat(SHAPES.region(-29.31, 27.48)).contains("LS");
        // Just off the coast of Brighton: inside GB's buffer, not in the sea.
        assertThat(SHAPES.region(50.80, -0.14)).contains("GB");
    }

    @Test
    void across_the_dateline_and_at_sea() {
        // Fiji spans the antimeridian; Chukotka (Russia) too.
        assertThat(SHAPES.region(-16.7, 179.9)).contains("FJ");
        assertThat(SHAPES.region(-16.7, -179.9)).contains("FJ");
        assertThat(SHAPES.region(64.73, 177.51)).as("Anadyr").contains("RU");
        assertThat(SHAPES.region(0.0, -30.0)).isEmpty();
        assertThat(SHAPES.region(-50.0, 90.0)).isEmpty();
        assertThat(SHAPES.anyRegion(0.0, -30.0)).isFalse();
    }

    @Test
    void maximum_radii_are_of_the_order_ichnaea_had() {
        // Ichnaea: GB 543 km, DE 463 km, FR 570 km (from map sub-units; ours from admin-0 countries split into
        // ISO territories, docs/decisions/007-region-shapes.md; TerritoryShapesTest has the territories').
        assertThat(SHAPES.maxRadiusMeters("GB").orElseThrow()).isBetween(400_000.0, 800_000.0);
        assertThat(SHAPES.maxRadiusMeters("DE").orElseThrow()).isBetween(350_000.0, 600_000.0);
        assertThat(SHAPES.maxRadiusMeters("US").orElseThrow()).isBetween(2_000_000.0, 3_500_000.0);
        assertThat(SHAPES.codes()).hasSizeGreaterThan(200).contains("XW", "XK");
        assertThat(SHAPES.name("XW")).contains("West Bank");
        assertThat(SHAPES.name("FR")).contains("France");
    }
}
