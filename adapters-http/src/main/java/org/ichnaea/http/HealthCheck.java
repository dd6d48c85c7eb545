package org.ichnaea.http;

import java.util.Map;
import java.util.function.Supplier;

/** One backend the heartbeat checks (database, Redis, GeoIP). */
@FunctionalInterface
public interface HealthCheck {

    /** What the check found; {@code extra} fields are added to its JSON object. */
    record Health(boolean up, Map<String, Object> extra) {
        public static Health up(Map<String, Object> extra) {
            return new Health(true, extra);
        }

        public static Health down(Map<String, Object> extra) {
            return new Health(false, extra);
        }
    }

    /** Checks the backend; may throw, which the heartbeat reports as {@code "up": null, "time": -1}. */
    Health check();

    /** The extra fields when the check did not answer in time (it counts as down). */
    default Map<String, Object> downExtra() {
        return Map.of();
    }

    /** A check with the extra fields it reports when it did not answer in time. */
    static HealthCheck of(Supplier<Health> check, Map<String, Object> downExtra) {
        return new HealthCheck() {
            @Override
            public Health check() {
                return check.get();
            }

            @Override
            public Map<String, Object> downExtra() {
                return downExtra;
            }
        };
    }
}
