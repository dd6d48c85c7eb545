package org.ichnaea.core.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InMemoryExportConfigStoreTest extends ExportConfigStoreContract {

    @Override
    protected ExportConfigStore newStore() {
        return new InMemoryExportConfigStore();
    }

    @Test
    void starts_with_the_given_configurations() {
        assertThat(new InMemoryExportConfigStore(ExportConfig.defaultInternal()).findAll())
                .containsExactly(ExportConfig.defaultInternal());
    }
}
