package org.ichnaea.mysql;

/** {@link MigrationsContract} on the embedded default: an H2 file opened as {@code serve} opens it. */
class H2MigrationsTest extends MigrationsContract {

    @Override
    protected Database emptyDatabase(String name) {
        return Database.open(MysqlSettings.embedded(tempDir.resolve("h2-" + name), false, 4));
    }
}
