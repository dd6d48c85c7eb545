package org.ichnaea.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {

    @Test
    void no_configuration_is_the_embedded_default() {
        Settings s = Settings.from(Map.of());
        assertThat(s.isEmbedded()).isTrue();
        assertThat(s.port()).isEqualTo(8000);
        assertThat(s.host()).isEqualTo("0.0.0.0");
        assertThat(s.dataDir()).isEqualTo(Path.of("./data"));
        assertThat(s.keyless()).isFalse();
        assertThat(s.maxBodyBytes()).isEqualTo(10L * 1024 * 1024);
        assertThat(s.loggingLevel()).isEqualTo("INFO");
    }

    @Test
    void values_are_read_and_ichnaea_names_accepted() {
        Settings s = Settings.from(Map.of("DB_READWRITE_URI", "mysql+pymysql://u:p@h:3306/db", "ICHNAEA_PORT", "9000",
                "ICHNAEA_KEYLESS", "TRUE", "LOGGING_LEVEL", "warning", "GEOIP_PATH", "/tmp/x.mmdb"));
        assertThat(s.isEmbedded()).isFalse();
        assertThat(s.port()).isEqualTo(9000);
        assertThat(s.keyless()).isTrue();
        assertThat(s.loggingLevel()).isEqualTo("WARN");
        assertThat(s.geoipPath()).isEqualTo(Path.of("/tmp/x.mmdb"));
    }

    @Test
    void bad_values_fail_with_a_one_line_reason_naming_the_variable() {
        assertThatThrownBy(() -> Settings.from(Map.of("ICHNAEA_PORT", "eighty")))
                .hasMessage("ICHNAEA_PORT: not a whole number (got 'eighty')");
        assertThatThrownBy(() -> Settings.from(Map.of("ICHNAEA_PORT", "70000")))
                .hasMessage("ICHNAEA_PORT: not a port number (got '70000')");
        assertThatThrownBy(() -> Settings.from(Map.of("ICHNAEA_KEYLESS", "maybe")))
                .hasMessage("ICHNAEA_KEYLESS: expected true or false (got 'maybe')");
        assertThatThrownBy(() -> Settings.from(Map.of("LOGGING_LEVEL", "LOUD")))
                .hasMessage("LOGGING_LEVEL: unknown level 'LOUD'");
        assertThatThrownBy(() -> Settings.from(Map.of("DB_READONLY_URI", "mysql://h/db")))
                .hasMessage("DB_READONLY_URI is set but DB_READWRITE_URI is not");
        assertThatThrownBy(() -> Settings.from(Map.of("ICHNAEA_MAX_BODY_BYTES", "0")))
                .hasMessageStartingWith("ICHNAEA_MAX_BODY_BYTES: must be more than 0");
        assertThatThrownBy(() -> Settings.from(Map.of("ICHNAEA_TRUSTED_PROXIES", "10.0.0.0/8,proxy.local")))
                .hasMessage("ICHNAEA_TRUSTED_PROXIES: not a CIDR: proxy.local (got '10.0.0.0/8,proxy.local')");
    }

    @Test
    void shard_threads_default_to_the_processors_up_to_4_on_mysql_and_to_1_embedded() {
        int processors = Runtime.getRuntime().availableProcessors();
        Map<String, String> mysql = Map.of("DB_READWRITE_URI", "mysql://root@127.0.0.1/ichnaea");
        assertThat(Settings.from(mysql).shardThreads()).isEqualTo(Math.min(4, processors));
        assertThat(Settings.from(Map.of("DB_READWRITE_URI", "mysql://root@127.0.0.1/ichnaea",
                "ICHNAEA_DB_POOL_SIZE", "2")).shardThreads()).as("3 connections left").isEqualTo(1);
        assertThat(Settings.from(Map.of("DB_READWRITE_URI", "mysql://root@127.0.0.1/ichnaea",
                "ICHNAEA_DB_POOL_SIZE", "5")).shardThreads()).as("3 connections left").isEqualTo(Math.min(2, processors));
        assertThat(Settings.from(Map.of("ICHNAEA_PIPELINE_SHARD_THREADS", "1", "ICHNAEA_DB_POOL_SIZE", "1"))
                .shardThreads()).as("1 needs no connection of its own").isEqualTo(1);
        assertThat(Settings.from(Map.of()).shardThreads()).as("embedded").isEqualTo(1);
        assertThat(Settings.from(Map.of("ICHNAEA_PIPELINE_SHARD_THREADS", "7")).shardThreads()).isEqualTo(7);
        assertThat(Settings.from(Map.of("ICHNAEA_PIPELINE_SHARD_THREADS", "3", "DB_READWRITE_URI",
                "mysql://root@127.0.0.1/ichnaea")).shardThreads()).isEqualTo(3);
        assertThat(Settings.from(Map.of("ICHNAEA_PIPELINE_SHARD_THREADS", "1")).shardThreads()).isEqualTo(1);
        assertThatThrownBy(() -> Settings.from(Map.of("ICHNAEA_PIPELINE_SHARD_THREADS", "17")))
                .hasMessage("ICHNAEA_PIPELINE_SHARD_THREADS: at most 16 (there are 16 shards) (got '17')");
        assertThatThrownBy(() -> Settings.from(Map.of("ICHNAEA_PIPELINE_SHARD_THREADS", "0")))
                .hasMessageStartingWith("ICHNAEA_PIPELINE_SHARD_THREADS: must be more than 0");
        assertThatThrownBy(() -> Settings.from(Map.of("ICHNAEA_PIPELINE_SHARD_THREADS", "8")))
                .hasMessage("ICHNAEA_PIPELINE_SHARD_THREADS (8) must leave 3 of the 10 connections of "
                        + "ICHNAEA_DB_POOL_SIZE to the other jobs");
    }

    @Test
    void trusted_proxies_default_to_loopback_and_a_list_is_the_whole_truth() throws Exception {
        java.net.InetAddress loopback = java.net.InetAddress.getByName("127.0.0.1");
        assertThat(Settings.from(Map.of()).proxies().contains(loopback)).isTrue();
        Settings set = Settings.from(Map.of("ICHNAEA_TRUSTED_PROXIES", "10.0.0.0/8, 2001:db8::/32"));
        assertThat(set.proxies().contains(loopback)).isFalse();
        assertThat(set.proxies().contains(java.net.InetAddress.getByName("10.1.1.1"))).isTrue();
    }

    @Test
    void the_cli_exits_non_zero_with_one_line_on_bad_configuration() {
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        java.io.PrintStream old = System.err;
        int code;
        try {
            code = Main.run(new String[] {"migrate"}, Map.of("ICHNAEA_PORT", "x"));
        } finally {
            System.setErr(old);
        }
        assertThat(code).isEqualTo(1);
    }
}
