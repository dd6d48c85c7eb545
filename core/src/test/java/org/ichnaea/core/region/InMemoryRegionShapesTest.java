package org.ichnaea.core.region;

import org.ichnaea.core.testing.TestRegions;

class InMemoryRegionShapesTest extends RegionShapesContract {

    @Override
    protected RegionShapes shapes() {
        return TestRegions.some();
    }
}
