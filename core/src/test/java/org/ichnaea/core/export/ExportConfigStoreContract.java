package org.ichnaea.core.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.ichnaea.core.station.StationSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every export configuration store does (docs/storage.md "Schema"); run against the fake and each adapter. */
public abstract class ExportConfigStoreContract {

    protected ExportConfigStore store;

    /** An empty store. */
    protected abstract ExportConfigStore newStore();

    @BeforeEach
    void createStore() {
        store = newStore();
    }

    @Test
    void saves_and_gives_back_every_field() {
        ExportConfig upstream = new ExportConfig("upstream", 500, ExportSchema.GEOSUBMIT,
                "https://location.example/v2/geosubmit?key=abc", Set.of("test", "other-key"),
                Set.of(StationSource.QUERY, StationSource.FUSED));
        ExportConfig files = new ExportConfig("archive", 10_000, ExportSchema.FILE, "/var/lib/ichnaea/archive",
                Set.of("k1"), Set.of(StationSource.GNSS, StationSource.FIXED, StationSource.FUSED,
                StationSource.QUERY));
        store.save(upstream);
        store.save(files);
        store.save(ExportConfig.defaultInternal());

        assertThat(store.findAll()).containsExactly(files, ExportConfig.defaultInternal(), upstream);
    }

    @Test
    void empty_skip_sets_round_trip() {
        ExportConfig dummy = new ExportConfig("dummy", 1, ExportSchema.DUMMY, null, Set.of(), Set.of());
        store.save(dummy);
        assertThat(store.findAll()).singleElement().satisfies(c -> {
            assertThat(c).isEqualTo(dummy);
            assertThat(c.skipKeys()).isEmpty();
            assertThat(c.skipSources()).isEmpty();
            assertThat(c.url()).isNull();
        });
    }

    @Test
    void lists_by_name() {
        for (String name : new String[] {"m", "b", "z", "a_1", "a.0", "a-2"}) {
            store.save(new ExportConfig(name, 100, ExportSchema.DUMMY, null, Set.of(), Set.of()));
        }
        assertThat(store.findAll()).extracting(ExportConfig::name)
                .containsExactly("a-2", "a.0", "a_1", "b", "m", "z");
    }

    @Test
    void save_replaces_the_configuration_of_that_name() {
        store.save(new ExportConfig("upstream", 100, ExportSchema.GEOSUBMIT, "https://a.example/", Set.of("x"),
                Set.of(StationSource.QUERY)));
        ExportConfig replaced = new ExportConfig("upstream", 50, ExportSchema.DUMMY, null, Set.of(), Set.of());
        store.save(replaced);
        assertThat(store.findAll()).containsExactly(replaced);
    }

    @Test
    void deletes_by_name() {
        store.save(ExportConfig.defaultInternal());
        store.save(new ExportConfig("other", 100, ExportSchema.DUMMY, null, Set.of(), Set.of()));

        assertThat(store.delete("internal")).isTrue();
        assertThat(store.delete("internal")).isFalse();
        assertThat(store.delete("never-saved")).isFalse();
        assertThat(store.findAll()).extracting(ExportConfig::name).containsExactly("other");
    }

    @Test
    void an_empty_store_lists_nothing() {
        assertThat(store.findAll()).isEmpty();
    }
}
