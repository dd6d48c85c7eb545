package org.ichnaea.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ichnaea.core.geoip.GeoIpDatabase;
import org.ichnaea.core.pipeline.PipelineHealth;
import org.ichnaea.http.HealthCheck;

/** The checks of {@code /__heartbeat__} (docs/api.md), each reported by the part it checks. */
final class Heartbeat {

    private Heartbeat() {
    }

    /**
     * {@code database} and {@code redis} as the storage and the shared state report them, {@code geoip} from the
     * database's status, {@code pipeline} from this process's pipeline runs. The heartbeat runs them in parallel under
     * a deadline (HeartbeatHandler); one not answered in time is down.
     */
    static Map<String, HealthCheck> checks(Storage storage, GeoIpDatabase geo, PipelineHealth pipelineHealth,
                                           SharedState state, Clock clock, long geoipMaxAgeDays) {
        Map<String, HealthCheck> checks = new LinkedHashMap<>();
        checks.put("database", storage.health());
        checks.put("geoip", () -> geoIp(geo, clock, geoipMaxAgeDays));
        checks.put("pipeline", () -> pipelineHealth.isFailing()
                ? HealthCheck.Health.down(Map.of("failures", pipelineHealth.consecutiveFailures()))
                : HealthCheck.Health.up(Map.of()));
        checks.put("redis", state.health());
        return checks;
    }

    /**
     * Ichnaea's GeoIP heartbeat: {@code age_in_days} and {@code version} (the build time) of the loaded database;
     * none loaded: down, with age -1. A database older than {@code maxAgeDays} (GEOIP_MAX_AGE_DAYS; 0: never) stays
     * up and gets a {@code warning} (docs/geoip.md, "A current database").
     */
    static HealthCheck.Health geoIp(GeoIpDatabase geo, Clock clock, long maxAgeDays) {
        GeoIpDatabase.Status status = geo.status();
        if (!status.available()) {
            return HealthCheck.Health.down(Map.of("age_in_days", -1, "version", status.description()));
        }
        Instant built = status.buildTime();
        if (built != null) {
            Map<String, Object> extra = new LinkedHashMap<>();
            long age = Duration.between(built, clock.instant()).toDays();
            extra.put("age_in_days", age);
            extra.put("version", built.toString());
            if (maxAgeDays > 0 && age > maxAgeDays) {
                extra.put("warning", GeoIpCommand.ageWarning(age, maxAgeDays));
            }
            return HealthCheck.Health.up(extra);
        }
        return HealthCheck.Health.up(Map.of("version", status.description()));
    }
}
