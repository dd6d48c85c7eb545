package org.ichnaea.core.export;

import java.util.Locale;
import java.util.Optional;

/**
 * Where an export configuration sends its reports (docs/algorithms.md §13.1). {@code file} takes the place of
 * Ichnaea's {@code s3}: gzip JSON batches written into a directory.
 */
public enum ExportSchema {
    /** The service's own stations (docs/algorithms.md §13.6). Only one internal export should exist. */
    INTERNAL("internal"),
    /** POSTed as gzip v2 geosubmit batches to another service. */
    GEOSUBMIT("geosubmit"),
    /** Gzip JSON files in a directory. */
    FILE("file"),
    /** Discarded. */
    DUMMY("dummy");

    private final String id;

    ExportSchema(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<ExportSchema> parse(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String lower = id.trim().toLowerCase(Locale.ROOT);
        for (ExportSchema schema : values()) {
            if (schema.id.equals(lower)) {
                return Optional.of(schema);
            }
        }
        return Optional.empty();
    }
}
