package org.ichnaea.core.stats;

import java.util.Optional;

/**
 * The daily statistics of docs/storage.md "Schema" and docs/algorithms.md §13.3, with Ichnaea's numeric keys (0, 5, 6
 * and 7 are retired). Observation keys count observations processed; {@code unique_*} keys count new stations.
 */
public enum StatKey {
    CELL(1, "cell"),
    UNIQUE_CELL(2, "unique_cell"),
    WIFI(3, "wifi"),
    UNIQUE_WIFI(4, "unique_wifi"),
    BLUE(8, "blue"),
    UNIQUE_BLUE(9, "unique_blue");

    private final int id;
    private final String label;

    StatKey(int id, String label) {
        this.id = id;
        this.label = label;
    }

    /** The value of the {@code stat.stat_key} column. */
    public int id() {
        return id;
    }

    /** Ichnaea's name, as in the Redis counter {@code statcounter_<label>_<YYYYMMDD>}. */
    public String label() {
        return label;
    }

    public static Optional<StatKey> byId(int id) {
        for (StatKey key : values()) {
            if (key.id == id) {
                return Optional.of(key);
            }
        }
        return Optional.empty();
    }
}
