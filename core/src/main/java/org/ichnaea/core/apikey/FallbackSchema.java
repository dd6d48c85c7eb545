package org.ichnaea.core.apikey;

import java.util.Optional;

/** The request and response dialect of an external fallback provider (docs/algorithms.md §9). */
public enum FallbackSchema {
    ICHNAEA_V1("ichnaea/v1", "ichnaea"),
    COMBAIN_V1("combain/v1", "combain"),
    GOOGLEMAPS_V1("googlemaps/v1", "googlemaps"),
    UNWIREDLABS_V1("unwiredlabs/v1", "unwiredlabs");

    private final String id;
    private final String vendor;

    FallbackSchema(String id, String vendor) {
        this.id = id;
        this.vendor = vendor;
    }

    /** The stored name, e.g. {@code googlemaps/v1}. */
    public String id() {
        return id;
    }

    /** The vendor name used in cache keys. */
    public String vendor() {
        return vendor;
    }

    /** Parses a stored schema; null or blank means {@code ichnaea/v1}. */
    public static Optional<FallbackSchema> parse(String id) {
        if (id == null || id.isBlank()) {
            return Optional.of(ICHNAEA_V1);
        }
        for (FallbackSchema schema : values()) {
            if (schema.id.equals(id.trim())) {
                return Optional.of(schema);
            }
        }
        return Optional.empty();
    }
}
