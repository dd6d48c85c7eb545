package org.ichnaea.mysql;

import org.ichnaea.core.apikey.ApiKeyStore;
import org.ichnaea.core.apikey.ApiKeyStoreContract;

class H2ApiKeyStoreTest extends ApiKeyStoreContract {

    @Override
    protected ApiKeyStore newStore() {
        Database db = TestDatabases.h2();
        return new MysqlApiKeyStore(db, db);
    }
}
