package org.ichnaea.geoip;

import org.ichnaea.core.geoip.GeoIpDatabase;
import org.ichnaea.core.geoip.GeoIpDatabaseContract;

/** core's GeoIP contract against the pinned GeoLite2 City 2019 database. */
class MaxMindGeoIpDatabaseContractTest extends GeoIpDatabaseContract {

    @Override
    protected GeoIpDatabase database() {
        return GeoIpDatabases.open(TestDatabases.geoLite2City());
    }

    @Override
    protected String knownAddress() {
        return "193.99.144.80";
    }

    @Override
    protected String knownCountry() {
        return "DE";
    }
}
