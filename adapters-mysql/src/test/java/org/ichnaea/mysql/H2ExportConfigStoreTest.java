package org.ichnaea.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.ichnaea.core.export.ExportConfig;
import org.ichnaea.core.export.ExportConfigStore;
import org.ichnaea.core.export.ExportConfigStoreContract;
import org.ichnaea.core.export.ExportSchema;
import org.ichnaea.core.station.StationSource;
import org.junit.jupiter.api.Test;

class H2ExportConfigStoreTest extends ExportConfigStoreContract {

    private Database db;

    @Override
    protected ExportConfigStore newStore() {
        db = TestDatabases.h2();
        TestDatabases.clean(db);
        return new MysqlExportConfigStore(db, db);
    }

    @Test
    void a_fresh_schema_holds_the_default_internal_export() {
        Database fresh = TestDatabases.h2();
        assertThat(new MysqlExportConfigStore(fresh, fresh).findAll())
                .containsExactly(ExportConfig.defaultInternal());
        assertThat(fresh.schemaVersion()).isEqualTo("5");
        String stored = fresh.jdbi().withHandle(h -> h.createQuery("SELECT CONCAT(skip_keys, '|', skip_sources, "
                + "'|', COALESCE(url, 'null')) FROM export_config").mapTo(String.class).one());
        assertThat(stored).isEqualTo("||null");
    }

    @Test
    void stores_the_skip_sets_comma_separated() {
        store.save(new ExportConfig("upstream", 10, ExportSchema.GEOSUBMIT, "https://a.example/", Set.of("b", "a"),
                Set.of(StationSource.QUERY, StationSource.GNSS)));
        String stored = db.jdbi().withHandle(h -> h.createQuery("SELECT CONCAT(skip_keys, '|', skip_sources) "
                + "FROM export_config").mapTo(String.class).one());
        assertThat(stored).isEqualTo("a,b|gnss,query");
    }

    @Test
    void skips_rows_it_cannot_use() {
        db.jdbi().useHandle(h -> {
            h.execute("INSERT INTO export_config (name, batch, schema_name, url, skip_keys, skip_sources) "
                    + "VALUES ('old-s3', 100, 's3', 's3://bucket', '', '')");
            h.execute("INSERT INTO export_config (name, batch, schema_name, url, skip_keys, skip_sources) "
                    + "VALUES ('no-url', 100, 'geosubmit', NULL, '', '')");
            h.execute("INSERT INTO export_config (name, batch, schema_name, url, skip_keys, skip_sources) "
                    + "VALUES ('ok', 5, 'DUMMY', NULL, 'k1, k2,', 'query,satellite')");
        });
        assertThat(store.findAll()).containsExactly(new ExportConfig("ok", 5, ExportSchema.DUMMY, null,
                Set.of("k1", "k2"), Set.of(StationSource.QUERY)));
    }

    @Test
    void rejects_what_the_columns_cannot_hold() {
        assertThatThrownBy(() -> store.save(new ExportConfig("x", 1,
                ExportSchema.DUMMY, null, Set.of("a,b"), Set.of()))).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.findAll()).isEmpty();
    }
}
