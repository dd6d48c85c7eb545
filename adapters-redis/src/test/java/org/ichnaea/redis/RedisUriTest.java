package org.ichnaea.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.HostAndPort;

/** The forms of {@code REDIS_URI} (docs/configuration.md, "Redis deployments"). */
class RedisUriTest {

    @Test
    void one_server_with_defaults_credentials_and_tls() {
        assertThat(Redis.Target.parse("redis://cache.example"))
                .isEqualTo(new Redis.Target(false, false, null, List.of(new HostAndPort("cache.example", 6379)), 0, null,
                        null));
        assertThat(Redis.Target.parse("rediss://app:p%40ss@10.0.0.5:6380/3"))
                .isEqualTo(new Redis.Target(true, false, null, List.of(new HostAndPort("10.0.0.5", 6380)), 3, "app", "p@ss"));
        assertThat(Redis.Target.parse("redis://:secret@[::1]:7000/1").hosts())
                .containsExactly(new HostAndPort("::1", 7000));
    }

    @Test
    void sentinels_with_the_masters_name_and_credentials() {
        Redis.Target target = Redis.Target.parse("redis-sentinel://app:pw@mymaster@s1:26380,s2,10.0.0.9:26381/2");
        assertThat(target.master()).isEqualTo("mymaster");
        assertThat(target.hosts()).containsExactly(new HostAndPort("s1", 26380), new HostAndPort("s2", 26379),
                new HostAndPort("10.0.0.9", 26381));
        assertThat(target.db()).isEqualTo(2);
        assertThat(target.user()).isEqualTo("app");
        assertThat(target.password()).isEqualTo("pw");
        assertThat(target.description()).isEqualTo("sentinel mymaster@s1:26380,s2:26379,10.0.0.9:26381/2");
    }

    @Test
    void cluster_nodes_in_database_zero() {
        Redis.Target target = Redis.Target.parse("redis-cluster://app:pw@n1:7000,n2,10.0.0.9:7002");
        assertThat(target.cluster()).isTrue();
        assertThat(target.master()).isNull();
        assertThat(target.hosts()).containsExactly(new HostAndPort("n1", 7000), new HostAndPort("n2", 6379),
                new HostAndPort("10.0.0.9", 7002));
        assertThat(target.db()).isZero();
        assertThat(target.password()).isEqualTo("pw");
        assertThat(target.description()).isEqualTo("cluster n1:7000,n2:6379,10.0.0.9:7002");
        assertThat(Redis.Target.parse("redis-cluster://n1:7000/0").db()).isZero();
        assertThatThrownBy(() -> Redis.Target.parse("redis-cluster://n1:7000/3"))
                .hasMessageContaining("only database 0");
    }

    @Test
    void refuses_what_it_cannot_use_without_printing_a_password() {
        assertThatThrownBy(() -> Redis.Target.parse("http://user:secret@host")).hasMessageContaining("REDIS_URI")
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> Redis.Target.parse("redis-sentinel://s1:26379/0"))
                .hasMessageContaining("master's name");
        assertThatThrownBy(() -> Redis.Target.parse("redis://h1,h2/0")).hasMessageContaining("redis-sentinel");
        assertThatThrownBy(() -> Redis.Target.parse("redis://host/x")).hasMessageContaining("must be a number");
        assertThatThrownBy(() -> Redis.Target.parse("redis://host:port/0")).hasMessageContaining("not a port");
    }
}
