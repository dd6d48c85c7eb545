package org.ichnaea.core.geoip;

class InMemoryGeoIpDatabaseTest extends GeoIpDatabaseContract {

    @Override
    protected GeoIpDatabase database() {
        return new InMemoryGeoIpDatabase().put("81.2.69.160", new GeoIpRecord(51.5, -0.1, "GB", 100, true, 1L));
    }

    @Override
    protected String knownAddress() {
        return "81.2.69.160";
    }

    @Override
    protected String knownCountry() {
        return "GB";
    }
}
