package org.ichnaea.app.files;

import org.ichnaea.mysql.Database;
import org.ichnaea.mysql.TestDatabases;
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
