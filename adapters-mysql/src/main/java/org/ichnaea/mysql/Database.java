package org.ichnaea.mysql;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationVersion;
import org.ichnaea.core.StoreUnavailableException;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection pool (HikariCP) and its Jdbi. The web tier and the workers each open their own: the web pool is
 * read-only where a replica exists and gives up on a connection after about a second.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final Dialect dialect;
    /** Why the stores may not use this pool now (a schema older than this version needs); null: they may. */
    private volatile String refusal;

    private Database(HikariDataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        // The stores go through the gate (refuse); Flyway and schemaStatus() use the pool itself.
        this.jdbi = Jdbi.create(new GatedDataSource(dataSource, () -> refusal));
        this.dialect = dialect;
    }

    /** Opens the pool. It connects lazily, so a database that is down now does not stop start-up. */
    public static Database open(MysqlSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.jdbcUrl());
        if (settings.user() != null) {
            config.setUsername(settings.user());
        }
        if (settings.password() != null) {
            config.setPassword(settings.password());
        }
        config.setPoolName(settings.poolName());
        // Flyway holds one connection for its lock while it migrates on another: never fewer than two.
        config.setMaximumPoolSize(Math.max(2, settings.maxPoolSize()));
        config.setMinimumIdle(Math.min(2, settings.maxPoolSize()));
        config.setConnectionTimeout(Math.max(250, settings.connectionTimeout().toMillis()));
        config.setValidationTimeout(Math.max(250, Math.min(settings.connectionTimeout().toMillis(), 5000)));
        config.setInitializationFailTimeout(-1);
        config.setMaxLifetime(Duration.ofMinutes(30).toMillis());
        config.setReadOnly(settings.readOnly());
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        if (settings.dialect() == Dialect.MYSQL) {
            config.addDataSourceProperty("connectTimeout", String.valueOf(settings.connectionTimeout().toMillis()));
            config.addDataSourceProperty("socketTimeout", String.valueOf(settings.socketTimeout().toMillis()));
        }
        return new Database(new HikariDataSource(config), settings.dialect());
    }

    /** Creates or upgrades the schema (Flyway; SQL migrations under {@code db/migration}, {@link Migrations}). */
    public void migrate() {
        try {
            Migrations.migrate(flyway());
        } catch (FlywayException e) {
            throw new StoreUnavailableException("schema migration failed: " + e.getMessage(), e);
        }
    }

    /**
     * Where the schema stands against the migrations of this version (read-only: Flyway's {@code info}, no DDL).
     *
     * @throws StoreUnavailableException when the database cannot be reached
     */
    public SchemaStatus schemaStatus() {
        try {
            MigrationInfoService info = flyway().info();
            MigrationInfo current = info.current();
            MigrationVersion required = null;
            for (MigrationInfo migration : info.all()) {
                MigrationVersion version = migration.getVersion();
                if (version != null && migration.getState().isResolved()
                        && (required == null || version.compareTo(required) > 0)) {
                    required = version;
                }
            }
            return new SchemaStatus(current == null ? "none" : current.getVersion().getVersion(),
                    required == null ? "none" : required.getVersion(), Migrations.pending(info));
        } catch (FlywayException e) {
            throw new StoreUnavailableException("cannot read the schema version: " + e.getMessage(), e);
        }
    }

    /**
     * The schema version of the database and the one this version of the service needs.
     *
     * @param pending migrations of this version not applied yet: the schema is older than needed when above 0
     */
    public record SchemaStatus(String current, String required, int pending) {
        public boolean isOlder() {
            return pending > 0;
        }
    }

    /**
     * From now on every use of this pool through {@link #jdbi()} fails at once as a store fault carrying
     * {@code reason} (a schema older than this version needs): nothing reads or writes through the stores until
     * {@link #accept()}. {@link #schemaStatus()} and {@link #migrate()} still work.
     */
    public void refuse(String reason) {
        refusal = reason;
    }

    /** Lets the stores use the pool again (see {@link #refuse}). */
    public void accept() {
        refusal = null;
    }

    /** The one Flyway configuration of {@link #migrate}, {@link #schemaStatus} and {@link #schemaVersion}. */
    private Flyway flyway() {
        return Migrations.flyway(dataSource, dialect);
    }

    /** The current schema version, for the heartbeat. */
    public String schemaVersion() {
        try {
            var current = flyway().info().current();
            return current == null ? "none" : current.getVersion().getVersion();
        } catch (FlywayException e) {
            throw new StoreUnavailableException("cannot read the schema version: " + e.getMessage(), e);
        }
    }

    /** Runs {@code SELECT 1}; throws {@link StoreUnavailableException} when the database does not answer. */
    public void ping() {
        try {
            jdbi.withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one());
        } catch (JdbiException e) {
            throw new StoreUnavailableException("database unavailable: " + e.getMessage(), e);
        }
    }

    /**
     * InnoDB's transaction history length ({@code information_schema.innodb_metrics}, {@code trx_rseg_history_len}),
     * which the rate controller watches (docs/algorithms.md §13.5); empty on H2, without the PROCESS privilege or
     * when the database is unreachable.
     */
    public java.util.OptionalLong transactionHistoryLength() {
        if (dialect() != Dialect.MYSQL) {
            return java.util.OptionalLong.empty();
        }
        try {
            return jdbi().withHandle(h -> h.createQuery("SELECT count FROM information_schema.innodb_metrics "
                    + "WHERE name = 'trx_rseg_history_len'").mapTo(Long.class).findOne())
                    .map(java.util.OptionalLong::of).orElse(java.util.OptionalLong.empty());
        } catch (RuntimeException e) {
            return java.util.OptionalLong.empty();
        }
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public Dialect dialect() {
        return dialect;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        LOG.info("closing database pool {}", dataSource.getPoolName());
        dataSource.close();
    }
}
