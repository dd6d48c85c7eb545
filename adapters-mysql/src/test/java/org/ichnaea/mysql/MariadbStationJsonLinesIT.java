package org.ichnaea.mysql;

import org.junit.jupiter.api.BeforeEach;

/** H2 is the source database, MariaDB the target: the path of an embedded installation moving to MariaDB. */
class MariadbStationJsonLinesIT extends StationJsonLinesContract {

    private boolean firstOfTest;

    @BeforeEach
    void reset() {
        firstOfTest = true;
    }

    @Override
    protected Database emptyDatabase() {
        if (firstOfTest) {
            firstOfTest = false;
            return TestDatabases.h2();
        }
        return TestDatabases.mariadb();
    }
}
