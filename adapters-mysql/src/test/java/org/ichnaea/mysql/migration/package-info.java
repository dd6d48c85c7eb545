/**
 * The Java migrations that created the schema up to version 5, as the last release that used them shipped them,
 * kept only to build a database as that release left it: {@code MigrationUpgradeTest} and
 * {@code MariadbMigrationUpgradeIT} migrate with them, then open the database with the SQL migrations of
 * {@code db/migration}. Flyway recorded them under these class names, so the package keeps its name.
 */
package org.ichnaea.mysql.migration;
