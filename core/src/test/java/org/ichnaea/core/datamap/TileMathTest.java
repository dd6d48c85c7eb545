package org.ichnaea.core.datamap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TileMathTest {

    @Test
    void nullIslandIsTheCentreOfTheWorldTile() {
        assertThat(TileMath.pixelX(0, 0)).isEqualTo(128.0);
        assertThat(TileMath.pixelY(0, 0)).isCloseTo(128.0, within(1e-9));
        assertThat(TileMath.tileX(0, 0)).isZero();
        assertThat(TileMath.tileY(0, 0)).isZero();
        assertThat(TileMath.tileX(0, 1)).isEqualTo(1);
        assertThat(TileMath.tileY(0, 1)).isEqualTo(1);
    }

    @Test
    void knownOpenStreetMapTiles() {
        // Berlin, Alexanderplatz.
        assertThat(TileMath.tileX(13.405, 11)).isEqualTo(1100);
        assertThat(TileMath.tileY(52.52, 11)).isEqualTo(671);
        // London, Charing Cross.
        assertThat(TileMath.tileX(-0.1278, 10)).isEqualTo(511);
        assertThat(TileMath.tileY(51.5074, 10)).isEqualTo(340);
        // The western hemisphere and the south.
        assertThat(TileMath.tileX(-74.006, 11)).isEqualTo(602);
        assertThat(TileMath.tileY(40.713, 11)).isEqualTo(770);
        assertThat(TileMath.tileX(151.209, 11)).isEqualTo(1884);
        assertThat(TileMath.tileY(-33.869, 11)).isEqualTo(1228);
    }

    @Test
    void pixelsScaleByTwoPerZoom() {
        assertThat(TileMath.worldSize(0)).isEqualTo(256.0);
        assertThat(TileMath.worldSize(11)).isEqualTo(524_288.0);
        assertThat(TileMath.pixelX(13.405, 11)).isCloseTo(281_666.446, within(0.001));
        assertThat(TileMath.pixelY(52.52, 11)).isCloseTo(TileMath.pixelY(52.52, 10) * 2, within(1e-6));
    }

    @Test
    void theEdgesOfTheWorldClamp() {
        assertThat(TileMath.pixelX(-180, 3)).isZero();
        assertThat(TileMath.pixelY(TileMath.MAX_LATITUDE, 0)).isCloseTo(0, within(1e-9));
        assertThat(TileMath.pixelY(-TileMath.MAX_LATITUDE, 0)).isCloseTo(256, within(1e-9));
        assertThat(TileMath.pixelY(90, 0)).isCloseTo(0, within(1e-9));
        assertThat(TileMath.tileX(180, 4)).isEqualTo(15);
        assertThat(TileMath.tileY(-90, 4)).isEqualTo(15);
        assertThat(TileMath.tileY(90, 4)).isZero();
        assertThatThrownBy(() -> TileMath.worldSize(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
