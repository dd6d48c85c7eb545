package org.ichnaea.mysql;

class H2StationJsonLinesTest extends StationJsonLinesContract {

    @Override
    protected Database emptyDatabase() {
        return TestDatabases.h2();
    }
}
