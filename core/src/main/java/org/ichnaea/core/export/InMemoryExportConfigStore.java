package org.ichnaea.core.export;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/** {@link ExportConfigStore} in memory, for tests and embedding. */
public final class InMemoryExportConfigStore implements ExportConfigStore {

    private final Map<String, ExportConfig> configs = new ConcurrentSkipListMap<>();

    public InMemoryExportConfigStore(ExportConfig... initial) {
        for (ExportConfig config : initial) {
            save(config);
        }
    }

    @Override
    public List<ExportConfig> findAll() {
        return List.copyOf(configs.values());
    }

    @Override
    public void save(ExportConfig config) {
        configs.put(config.name(), config);
    }

    @Override
    public boolean delete(String name) {
        return configs.remove(name) != null;
    }
}
