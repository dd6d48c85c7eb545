package org.ichnaea.mysql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.ichnaea.core.apikey.ApiKey;
import org.ichnaea.core.apikey.ApiKeyStore;
import org.ichnaea.core.apikey.FallbackSchema;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Update;

/** API keys in {@code api_key} (docs/storage.md "API keys"). The web tier wraps it in app's {@code CachingApiKeyStore}. */
public final class MysqlApiKeyStore implements ApiKeyStore {

    private static final List<String> COLUMN_LIST = List.of("valid_key", "maxreq", "allow_fallback", "allow_locate",
            "allow_region", "fallback_name", "fallback_schema", "fallback_url", "fallback_ratelimit",
            "fallback_ratelimit_interval", "fallback_cache_expire", "store_sample_locate", "store_sample_submit");
    private static final String COLUMNS = String.join(", ", COLUMN_LIST);

    private final Jdbi reads;
    private final Jdbi writes;
    private final String upsert;

    public MysqlApiKeyStore(Database reads, Database writes) {
        this.reads = reads.jdbi();
        this.writes = writes.jdbi();
        this.upsert = writes.dialect().upsert("api_key", "valid_key", COLUMN_LIST);
    }

    @Override
    public Optional<ApiKey> findByKey(String key) {
        if (key == null) {
            return Optional.empty();
        }
        return Sql.guard("API key lookup", () -> reads.withHandle(h -> h.createQuery("SELECT " + COLUMNS
                + " FROM api_key WHERE valid_key = :key").bind("key", key).map((rs, ctx) -> map(rs)).findOne()));
    }

    @Override
    public List<ApiKey> findAll() {
        return Sql.guard("API key list", () -> reads.withHandle(h -> h.createQuery("SELECT " + COLUMNS
                + " FROM api_key ORDER BY valid_key").map((rs, ctx) -> map(rs)).list()));
    }

    private static ApiKey map(ResultSet rs) throws SQLException {
        return new ApiKey(rs.getString("valid_key"), rs.getObject("maxreq", Integer.class),
                rs.getBoolean("allow_fallback"), rs.getBoolean("allow_locate"), rs.getBoolean("allow_region"),
                rs.getString("fallback_name"),
                FallbackSchema.parse(rs.getString("fallback_schema")).orElse(FallbackSchema.ICHNAEA_V1),
                rs.getString("fallback_url"), rs.getObject("fallback_ratelimit", Integer.class),
                rs.getObject("fallback_ratelimit_interval", Integer.class),
                rs.getObject("fallback_cache_expire", Integer.class),
                rs.getObject("store_sample_locate", Integer.class),
                rs.getObject("store_sample_submit", Integer.class));
    }

    @Override
    public void save(ApiKey key) {
        Sql.guardRun("API key save", () -> writes.useHandle(h -> {
            Update u = h.createUpdate(upsert)
                    .bind("valid_key", key.validKey())
                    .bind("allow_fallback", key.allowFallback())
                    .bind("allow_locate", key.allowLocate())
                    .bind("allow_region", key.allowRegion())
                    .bind("fallback_schema", key.fallbackSchema().id());
            Sql.bind(u, "maxreq", key.maxreq(), Integer.class);
            Sql.bind(u, "fallback_name", key.fallbackName(), String.class);
            Sql.bind(u, "fallback_url", key.fallbackUrl(), String.class);
            Sql.bind(u, "fallback_ratelimit", key.fallbackRatelimit(), Integer.class);
            Sql.bind(u, "fallback_ratelimit_interval", key.fallbackRatelimitInterval(), Integer.class);
            Sql.bind(u, "fallback_cache_expire", key.fallbackCacheExpire(), Integer.class);
            Sql.bind(u, "store_sample_locate", key.storeSampleLocate(), Integer.class);
            Sql.bind(u, "store_sample_submit", key.storeSampleSubmit(), Integer.class);
            u.execute();
        }));
    }

    @Override
    public boolean delete(String key) {
        return Sql.guard("API key delete", () -> writes.withHandle(h -> h.createUpdate(
                "DELETE FROM api_key WHERE valid_key = :key").bind("key", key).execute() > 0));
    }
}
