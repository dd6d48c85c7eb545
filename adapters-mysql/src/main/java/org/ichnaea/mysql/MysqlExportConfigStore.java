package org.ichnaea.mysql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.ichnaea.core.export.ExportConfig;
import org.ichnaea.core.export.ExportConfigStore;
import org.ichnaea.core.export.ExportSchema;
import org.ichnaea.core.station.StationSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Update;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Export configurations in {@code export_config} (docs/storage.md "Schema"): the skip sets are stored
 * comma-separated, an empty string for an empty set, sources by their label ({@code gnss}, {@code query}, ...).
 * Rows this version cannot use (an unknown schema, a missing url) are skipped with a warning.
 */
public final class MysqlExportConfigStore implements ExportConfigStore {

    private static final Logger LOG = LoggerFactory.getLogger(MysqlExportConfigStore.class);
    private static final List<String> COLUMN_LIST = List.of("name", "batch", "schema_name", "url", "skip_keys",
            "skip_sources");
    private static final String COLUMNS = String.join(", ", COLUMN_LIST);

    private final Jdbi reads;
    private final Jdbi writes;
    private final String upsert;

    public MysqlExportConfigStore(Database reads, Database writes) {
        this.reads = reads.jdbi();
        this.writes = writes.jdbi();
        this.upsert = writes.dialect().upsert("export_config", "name", COLUMN_LIST);
    }

    @Override
    public List<ExportConfig> findAll() {
        List<Optional<ExportConfig>> rows = Sql.guard("export config list", () -> reads.withHandle(h -> h
                .createQuery("SELECT " + COLUMNS + " FROM export_config")
                .map((rs, ctx) -> map(rs))
                .list()));
        List<ExportConfig> configs = new ArrayList<>();
        rows.forEach(row -> row.ifPresent(configs::add));
        configs.sort(Comparator.comparing(ExportConfig::name));
        return configs;
    }

    private static Optional<ExportConfig> map(ResultSet rs) throws SQLException {
        String name = rs.getString("name");
        String schemaName = rs.getString("schema_name");
        Optional<ExportSchema> schema = ExportSchema.parse(schemaName);
        if (schema.isEmpty()) {
            LOG.warn("export config {}: unknown schema {}, skipped", name, schemaName);
            return Optional.empty();
        }
        Set<StationSource> sources = new LinkedHashSet<>();
        for (String label : split(rs.getString("skip_sources"))) {
            Optional<StationSource> source = StationSource.parse(label);
            if (source.isPresent()) {
                sources.add(source.get());
            } else {
                LOG.warn("export config {}: unknown source {} in skip_sources, ignored", name, label);
            }
        }
        Integer batch = rs.getObject("batch", Integer.class);
        try {
            return Optional.of(new ExportConfig(name, batch == null ? 100 : batch, schema.get(), rs.getString("url"),
                    split(rs.getString("skip_keys")), sources));
        } catch (IllegalArgumentException e) {
            LOG.warn("export config {}: {}, skipped", name, e.getMessage());
            return Optional.empty();
        }
    }

    /** The members of a comma-separated set; null and the empty string are the empty set. */
    private static Set<String> split(String joined) {
        Set<String> members = new LinkedHashSet<>();
        if (joined != null) {
            for (String member : joined.split(",")) {
                if (!member.isBlank()) {
                    members.add(member.trim());
                }
            }
        }
        return members;
    }

    private static String join(Set<String> members) {
        return String.join(",", new TreeSet<>(members));
    }

    /** Rejects what the columns cannot hold, before the database does. */
    private static void check(ExportConfig config, String skipKeys, String skipSources) {
        if (config.url() != null && config.url().length() > 512) {
            throw new IllegalArgumentException("an export url has at most 512 characters");
        }
        if (config.skipKeys().stream().anyMatch(key -> key.contains(",") || key.isBlank())) {
            throw new IllegalArgumentException("a skipped API key is not blank and holds no comma");
        }
        if (skipKeys.length() > 1024 || skipSources.length() > 64) {
            throw new IllegalArgumentException("too many skipped keys: 1024 characters at most, comma-separated");
        }
    }

    @Override
    public void save(ExportConfig config) {
        String skipKeys = join(config.skipKeys());
        String skipSources = join(config.skipSources().stream().map(StationSource::label).collect(Collectors.toSet()));
        check(config, skipKeys, skipSources);
        Sql.guardRun("export config save", () -> writes.useHandle(h -> {
            Update u = h.createUpdate(upsert)
                    .bind("name", config.name())
                    .bind("batch", config.batch())
                    .bind("schema_name", config.schema().id())
                    .bind("skip_keys", skipKeys)
                    .bind("skip_sources", skipSources);
            Sql.bind(u, "url", config.url(), String.class);
            u.execute();
        }));
    }

    @Override
    public boolean delete(String name) {
        return Sql.guard("export config delete", () -> writes.withHandle(h -> h.createUpdate(
                "DELETE FROM export_config WHERE name = :name").bind("name", name).execute() > 0));
    }
}
