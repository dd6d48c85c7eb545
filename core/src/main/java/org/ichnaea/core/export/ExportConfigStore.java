package org.ichnaea.core.export;

import java.util.List;

/** The export configurations. Faults surface as {@link org.ichnaea.core.StoreUnavailableException}. */
public interface ExportConfigStore {

    /** Every configuration, by name. */
    List<ExportConfig> findAll();

    /** Inserts or replaces the configuration of that name. */
    void save(ExportConfig config);

    /** Answers whether it existed. */
    boolean delete(String name);
}
