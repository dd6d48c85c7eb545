package org.ichnaea.core.apikey;

class InMemoryApiKeyUsageTest extends ApiKeyUsageContract {

    @Override
    protected ApiKeyUsage newUsage() {
        return new InMemoryApiKeyUsage();
    }
}
