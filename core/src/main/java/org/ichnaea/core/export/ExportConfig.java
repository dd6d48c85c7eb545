package org.ichnaea.core.export;

import java.util.Set;
import java.util.regex.Pattern;
import org.ichnaea.core.station.StationSource;

/**
 * A row of {@code export_config} (docs/storage.md "Schema"): where reports go besides (or instead of) the
 * service's own stations.
 *
 * @param batch       most reports per export call (a {@code geosubmit} POST, a {@code file})
 * @param url         the upstream for {@code geosubmit}, the directory for {@code file}; null otherwise
 * @param skipKeys    reports submitted with these API keys are not exported here
 * @param skipSources reports whose position came from these sources are not exported here
 */
public record ExportConfig(String name, int batch, ExportSchema schema, String url, Set<String> skipKeys,
                           Set<StationSource> skipSources) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,40}");

    public ExportConfig {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("an export name has 1 to 40 letters, digits, '_', '.' or '-': "
                    + name);
        }
        if (batch < 1 || batch > 100_000) {
            throw new IllegalArgumentException("an export batch is between 1 and 100000, not " + batch);
        }
        if (schema == null) {
            throw new IllegalArgumentException("an export needs a schema");
        }
        if ((schema == ExportSchema.GEOSUBMIT || schema == ExportSchema.FILE) && (url == null || url.isBlank())) {
            throw new IllegalArgumentException("a " + schema.id() + " export needs a url");
        }
        if (schema == ExportSchema.GEOSUBMIT && !(url.startsWith("http://") || url.startsWith("https://"))) {
            throw new IllegalArgumentException("a geosubmit export url starts with http:// or https://: " + url);
        }
        skipKeys = skipKeys == null ? Set.of() : Set.copyOf(skipKeys);
        skipSources = skipSources == null ? Set.of() : Set.copyOf(skipSources);
    }

    /**
     * The configuration every fresh installation has: the service's own stations, 1000 reports per batch (one
     * transaction per shard and batch: 100 gave 4,800 observations/s on MariaDB, 1000 gave 21,500; see
     * docs/benchmarks.md).
     */
    public static ExportConfig defaultInternal() {
        return new ExportConfig("internal", 1000, ExportSchema.INTERNAL, null, Set.of(), Set.of());
    }

    /** The queue this configuration drains (Ichnaea's non-s3 naming). */
    public String queueName() {
        return "queue_export_" + name;
    }

    /** Whether a report with this key and source goes to this export. */
    public boolean accepts(String apiKey, StationSource source) {
        return !(apiKey != null && skipKeys.contains(apiKey)) && !skipSources.contains(source);
    }
}
