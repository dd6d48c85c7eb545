package org.ichnaea.mysql;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * A data source that hands out its pool's connections unless a refusal is set: then {@code getConnection} fails at
 * once with that reason, so the stores report a fault without waiting for the pool ({@link Database#refuse}).
 */
final class GatedDataSource implements DataSource {

    private final DataSource pool;
    private final Supplier<String> refusal;

    GatedDataSource(DataSource pool, Supplier<String> refusal) {
        this.pool = pool;
        this.refusal = refusal;
    }

    private void check() throws SQLException {
        String reason = refusal.get();
        if (reason != null) {
            throw new SQLTransientConnectionException(reason);
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        check();
        return pool.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        check();
        return pool.getConnection(username, password);
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public java.util.logging.Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return iface.isInstance(this) ? iface.cast(this) : pool.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || pool.isWrapperFor(iface);
    }
}
