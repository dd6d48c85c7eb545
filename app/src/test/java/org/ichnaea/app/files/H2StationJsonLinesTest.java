package org.ichnaea.app.files;

import org.ichnaea.mysql.Database;
import org.ichnaea.mysql.TestDatabases;

class H2StationJsonLinesTest extends StationJsonLinesContract {

    @Override
    protected Database emptyDatabase() {
        return TestDatabases.h2();
    }
}
