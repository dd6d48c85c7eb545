package org.ichnaea.mysql;

import org.ichnaea.core.apikey.ApiKeyStore;
import org.ichnaea.core.apikey.ApiKeyStoreContract;

class MariadbApiKeyStoreIT extends ApiKeyStoreContract {

    @Override
    protected ApiKeyStore newStore() {
        Database db = TestDatabases.mariadb();
        return new MysqlApiKeyStore(db, db);
    }
}
