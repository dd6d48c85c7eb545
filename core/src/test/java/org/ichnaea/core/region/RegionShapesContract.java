package org.ichnaea.core.region;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * What every geocoder does; each implementation must know Great Britain (GB, London at 51.5, −0.12) and Germany (DE,
 * Berlin at 52.52, 13.40), and place nothing in the middle of the Atlantic (40, −40).
 */
public abstract class RegionShapesContract {

    protected abstract RegionShapes shapes();

    @Test
    void places_capitals_in_their_regions_and_the_ocean_in_none() {
        RegionShapes shapes = shapes();
        assertThat(shapes.region(51.5, -0.12)).contains("GB");
        assertThat(shapes.region(52.52, 13.40)).contains("DE");
        assertThat(shapes.region(40, -40)).isEmpty();
        assertThat(shapes.anyRegion(40, -40)).isFalse();
        assertThat(shapes.inRegion(52.52, 13.40, "DE")).isTrue();
        assertThat(shapes.inRegion(52.52, 13.40, "GB")).isFalse();
    }

    @Test
    void knows_names_and_radii() {
        RegionShapes shapes = shapes();
        assertThat(shapes.name("GB")).contains("United Kingdom");
        assertThat(shapes.name("DE")).contains("Germany");
        assertThat(shapes.isKnown("GB")).isTrue();
        assertThat(shapes.isKnown("ZZ")).isFalse();
        assertThat(shapes.maxRadiusMeters("DE")).isPresent();
        assertThat(shapes.maxRadiusMeters("ZZ")).isEmpty();
    }
}
