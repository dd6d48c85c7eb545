package org.ichnaea.http;

import java.util.Map;

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
}
