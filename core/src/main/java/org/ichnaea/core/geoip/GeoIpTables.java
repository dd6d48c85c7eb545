package org.ichnaea.core.geoip;

import static java.util.Map.entry;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Constant tables of Ichnaea's GeoIP source (docs/algorithms.md §7), from mozilla/ichnaea {@code ichnaea/geoip.py}
 * at commit 02c3e1c0f37e4cd4afa4ceec1ffa39a1c8191112 ({@code REGION_SCORE}, {@code SUB_RADII}, {@code SUB_RADIUS},
 * {@code REGION_RADIUS}, {@code CITY_RADII}, {@code CITY_RADIUS}, {@code GEOIP_GENC_MAP}).
 *
 * <p>In Ichnaea's {@code GeoIPWrapper.lookup} the country ISO code is first remapped with {@code GEOIP_GENC_MAP}
 * and then upper-cased ({@link #regionCode(String)}); that <em>remapped</em> code is the key for both the
 * subdivision-radius table and the score table. The score-table entries for AX, PS, SJ and UM (all 0.3) are therefore
 * unreachable in Ichnaea: an AX record scores as FI (0.5), a UM record as US (0.8), and PS/SJ records become XW/XR,
 * which are not in the table (default 0.3). The entries are kept here verbatim.
 */
public final class GeoIpTables {

    private GeoIpTables() {
    }

    /** {@code CITY_RADIUS}: radius of a city record whose geoname id is not in the city table. */
    public static final double DEFAULT_CITY_RADIUS_METERS = 25_000;

    /** {@code SUB_RADIUS}: radius of a record with subdivisions whose region is not in the subdivision table. */
    public static final double DEFAULT_SUBDIVISION_RADIUS_METERS = 400_000;

    /** {@code REGION_RADIUS}: region radius used when the region's max radius is unknown. */
    public static final double DEFAULT_REGION_RADIUS_METERS = 5_000_000;

    /** Score of a record without a city. */
    public static final double NO_CITY_SCORE = 0.9;

    /** Score of a city record whose region code is not in the score table. */
    public static final double DEFAULT_CITY_SCORE = 0.3;

    /** {@code GEOIP_GENC_MAP}: MaxMind country ISO code to GENC region code. */
    private static final Map<String, String> REGION_CODE_REMAP = Map.ofEntries(
            entry("AX", "FI"), // Aland Islands -> Finland
            entry("PS", "XW"), // Palestine -> West Bank
            entry("SJ", "XR"), // Svalbard and Jan Mayen -> Svalbard
            entry("UM", "US")); // US Minor Outlying Territories -> US

    /**
     * {@code CITY_RADII}: inner-circle radius of the geonames bounding box of the largest cities proper, keyed on
     * geoname id.
     */
    private static final Map<Long, Double> CITY_RADII = Map.ofEntries(
            entry(98182L, 39_000.0), // Baghdad
            entry(108410L, 30_000.0), // Riyadh
            entry(112931L, 39_000.0), // Tehran
            entry(323786L, 27_000.0), // Ankara
            entry(360630L, 40_000.0), // Cairo
            entry(524901L, 47_000.0), // Moscow
            entry(745044L, 48_000.0), // Istanbul
            entry(1172451L, 36_000.0), // Lahore
            entry(1185241L, 46_000.0), // Dhaka
            entry(1275339L, 50_000.0), // Mumbai
            entry(1277333L, 33_000.0), // Bengaluru
            entry(1279233L, 28_000.0), // Ahmedabad
            entry(1566083L, 27_000.0), // Ho Chi Minh City
            entry(1609350L, 33_000.0), // Bangkok
            entry(1642911L, 42_000.0), // Jakarta
            entry(1668341L, 40_000.0), // Taipei
            entry(1701668L, 47_000.0), // Manila
            entry(1792947L, 48_000.0), // Tianjin
            entry(1796236L, 68_000.0), // Shanghai
            entry(1816670L, 49_000.0), // Beijing
            entry(1835848L, 46_000.0), // Seoul
            entry(1850147L, 42_000.0), // Tokyo
            entry(1871859L, 26_000.0), // Pyongyang
            entry(2314302L, 40_000.0), // Kinshasa
            entry(2643743L, 40_000.0), // London
            entry(2950159L, 27_000.0), // Berlin
            entry(3117735L, 26_000.0), // Madrid
            entry(3435910L, 50_000.0), // Buenos Aires
            entry(3448439L, 46_000.0), // Sao Paulo
            entry(3530597L, 50_000.0), // Mexico City
            entry(3688689L, 40_000.0), // Bogota
            entry(3871336L, 32_000.0), // Santiago
            entry(3936456L, 40_000.0), // Lima
            entry(5128581L, 41_000.0)); // New York

    /** {@code SUB_RADII}: the largest subdivision radius in each region, keyed on the remapped region code. */
    private static final Map<String, Double> SUBDIVISION_RADII = Map.ofEntries(
            entry("AU", 1_200_000.0),
            entry("BR", 1_000_000.0),
            entry("CA", 1_400_000.0),
            entry("CD", 500_000.0),
            entry("CL", 500_000.0),
            entry("CN", 1_000_000.0),
            entry("DZ", 600_000.0),
            entry("EG", 500_000.0),
            entry("GL", 1_600_000.0),
            entry("ID", 550_000.0),
            entry("KZ", 550_000.0),
            entry("LY", 500_000.0),
            entry("ML", 600_000.0),
            entry("NE", 600_000.0),
            entry("RU", 1_200_000.0),
            entry("SA", 650_000.0),
            entry("SD", 450_000.0),
            entry("SO", 500_000.0),
            entry("US", 1_200_000.0));

    /**
     * {@code REGION_SCORE}: MaxMind's published city accuracy (October 2015) per region, 0.3 where MaxMind gave no
     * number; keyed on the remapped region code.
     */
    private static final Map<String, Double> CITY_SCORES = Map.ofEntries(
            entry("AD", 0.3), entry("AE", 0.9), entry("AF", 0.3), entry("AG", 0.3), entry("AI", 0.3), entry("AL", 0.3),
            entry("AM", 0.3), entry("AO", 0.3), entry("AQ", 0.3), entry("AR", 0.7), entry("AS", 0.3), entry("AT", 0.7),
            entry("AU", 0.7), entry("AW", 0.3), entry("AX", 0.3), entry("AZ", 0.3), entry("BA", 0.3), entry("BB", 0.3),
            entry("BD", 0.3), entry("BE", 0.8), entry("BF", 0.3), entry("BG", 0.7), entry("BH", 0.3), entry("BI", 0.3),
            entry("BJ", 0.3), entry("BL", 0.3), entry("BM", 0.3), entry("BN", 0.3), entry("BO", 0.3), entry("BQ", 0.3),
            entry("BR", 0.7), entry("BS", 0.3), entry("BT", 0.3), entry("BW", 0.3), entry("BY", 0.3), entry("BZ", 0.3),
            entry("CA", 0.8), entry("CC", 0.3), entry("CD", 0.3), entry("CF", 0.3), entry("CG", 0.3), entry("CH", 0.7),
            entry("CI", 0.3), entry("CK", 0.3), entry("CL", 0.8), entry("CM", 0.3), entry("CN", 0.6), entry("CO", 0.6),
            entry("CR", 0.9), entry("CU", 0.3), entry("CV", 0.3), entry("CW", 0.3), entry("CX", 0.3), entry("CY", 0.3),
            entry("CZ", 0.8), entry("DE", 0.8), entry("DJ", 0.3), entry("DK", 0.8), entry("DM", 0.3), entry("DO", 0.3),
            entry("DZ", 0.3), entry("EC", 0.8), entry("EE", 0.8), entry("EG", 0.7), entry("ER", 0.3), entry("ES", 0.8),
            entry("ET", 0.3), entry("FI", 0.5), entry("FJ", 0.3), entry("FK", 0.3), entry("FM", 0.3), entry("FO", 0.3),
            entry("FR", 0.7), entry("GA", 0.3), entry("GB", 0.8), entry("GD", 0.3), entry("GE", 0.3), entry("GF", 0.3),
            entry("GG", 0.3), entry("GH", 0.3), entry("GI", 0.3), entry("GL", 0.3), entry("GM", 0.3), entry("GN", 0.3),
            entry("GP", 0.3), entry("GQ", 0.3), entry("GR", 0.6), entry("GS", 0.3), entry("GT", 0.3), entry("GU", 0.3),
            entry("GW", 0.3), entry("GY", 0.3), entry("HK", 0.9), entry("HN", 0.3), entry("HR", 0.6), entry("HT", 0.3),
            entry("HU", 0.8), entry("ID", 0.7), entry("IE", 0.5), entry("IL", 0.7), entry("IM", 0.3), entry("IN", 0.6),
            entry("IO", 0.3), entry("IQ", 0.3), entry("IR", 0.3), entry("IS", 0.8), entry("IT", 0.6), entry("JE", 0.3),
            entry("JM", 0.3), entry("JO", 0.3), entry("JP", 0.8), entry("KE", 0.3), entry("KG", 0.3), entry("KH", 0.3),
            entry("KI", 0.3), entry("KM", 0.3), entry("KN", 0.3), entry("KP", 0.3), entry("KR", 0.7), entry("KW", 0.3),
            entry("KY", 0.3), entry("KZ", 0.3), entry("LA", 0.3), entry("LB", 0.3), entry("LC", 0.3), entry("LI", 0.3),
            entry("LK", 0.3), entry("LR", 0.3), entry("LS", 0.3), entry("LT", 0.7), entry("LU", 0.9), entry("LV", 0.8),
            entry("LY", 0.3), entry("MA", 0.3), entry("MC", 0.3), entry("MD", 0.3), entry("ME", 0.3), entry("MF", 0.3),
            entry("MG", 0.3), entry("MH", 0.3), entry("MK", 0.3), entry("ML", 0.3), entry("MM", 0.3), entry("MN", 0.3),
            entry("MO", 0.3), entry("MP", 0.3), entry("MQ", 0.3), entry("MR", 0.3), entry("MS", 0.3), entry("MT", 0.9),
            entry("MU", 0.3), entry("MV", 0.3), entry("MW", 0.3), entry("MX", 0.6), entry("MY", 0.7), entry("MZ", 0.3),
            entry("NA", 0.3), entry("NC", 0.3), entry("NE", 0.3), entry("NF", 0.3), entry("NG", 0.3), entry("NI", 0.3),
            entry("NL", 0.8), entry("NO", 0.8), entry("NP", 0.3), entry("NR", 0.3), entry("NU", 0.3), entry("NZ", 0.6),
            entry("OM", 0.3), entry("PA", 0.3), entry("PE", 0.8), entry("PF", 0.3), entry("PG", 0.3), entry("PH", 0.5),
            entry("PK", 0.8), entry("PL", 0.6), entry("PM", 0.3), entry("PN", 0.3), entry("PR", 0.9), entry("PS", 0.3),
            entry("PT", 0.7), entry("PW", 0.3), entry("PY", 0.3), entry("QA", 0.9), entry("RE", 0.3), entry("RO", 0.7),
            entry("RS", 0.7), entry("RU", 0.8), entry("RW", 0.3), entry("SA", 0.7), entry("SB", 0.3), entry("SC", 0.3),
            entry("SD", 0.3), entry("SE", 0.7), entry("SG", 0.9), entry("SH", 0.3), entry("SI", 0.8), entry("SJ", 0.3),
            entry("SK", 0.7), entry("SL", 0.3), entry("SM", 0.3), entry("SN", 0.3), entry("SO", 0.3), entry("SR", 0.3),
            entry("SS", 0.3), entry("ST", 0.3), entry("SV", 0.3), entry("SX", 0.3), entry("SY", 0.3), entry("SZ", 0.3),
            entry("TC", 0.3), entry("TD", 0.3), entry("TF", 0.3), entry("TG", 0.3), entry("TH", 0.8), entry("TJ", 0.3),
            entry("TK", 0.3), entry("TL", 0.3), entry("TM", 0.3), entry("TN", 0.3), entry("TO", 0.3), entry("TR", 0.7),
            entry("TT", 0.3), entry("TV", 0.3), entry("TW", 0.8), entry("TZ", 0.3), entry("UA", 0.7), entry("UG", 0.3),
            entry("UM", 0.3), entry("US", 0.8), entry("UY", 0.8), entry("UZ", 0.3), entry("VA", 0.3), entry("VC", 0.3),
            entry("VE", 0.6), entry("VG", 0.3), entry("VI", 0.3), entry("VN", 0.7), entry("VU", 0.3), entry("WF", 0.3),
            entry("WS", 0.3), entry("XK", 0.3), entry("YE", 0.3), entry("YT", 0.3), entry("ZA", 0.7), entry("ZM", 0.3),
            entry("ZW", 0.3));

    /**
     * Region code of a MaxMind country ISO code: {@code GEOIP_GENC_MAP.get(iso, iso).upper()}, i.e. AX→FI, PS→XW,
     * SJ→XR, UM→US. Returns the input upper-cased when no remap applies. As in Ichnaea the remap is looked up before
     * upper-casing, so only upper-case input is remapped (MaxMind codes are always upper-case).
     */
    public static String regionCode(String isoCountryCode) {
        Objects.requireNonNull(isoCountryCode, "isoCountryCode");
        return REGION_CODE_REMAP.getOrDefault(isoCountryCode, isoCountryCode).toUpperCase(Locale.ROOT);
    }

    /** Radius in metres for a city geoname id; DEFAULT_CITY_RADIUS_METERS for any other city. */
    public static double cityRadiusMeters(long geonameId) {
        return CITY_RADII.getOrDefault(geonameId, DEFAULT_CITY_RADIUS_METERS);
    }

    /**
     * Largest-subdivision radius for a (remapped, see {@link #regionCode(String)}) region code;
     * DEFAULT_SUBDIVISION_RADIUS_METERS otherwise (also for {@code null}).
     */
    public static double subdivisionRadiusMeters(String regionCode) {
        if (regionCode == null) {
            return DEFAULT_SUBDIVISION_RADIUS_METERS;
        }
        return SUBDIVISION_RADII.getOrDefault(regionCode, DEFAULT_SUBDIVISION_RADIUS_METERS);
    }

    /**
     * Score of a city-level record for a region code; DEFAULT_CITY_SCORE otherwise (also for {@code null}). Ichnaea
     * keys this table on the <em>remapped</em> code returned by {@link #regionCode(String)}, not the raw ISO code:
     * pass {@code regionCode(iso)}, so that e.g. an AX record scores 0.5 (FI), not 0.3.
     */
    public static double cityScore(String regionCode) {
        if (regionCode == null) {
            return DEFAULT_CITY_SCORE;
        }
        return CITY_SCORES.getOrDefault(regionCode, DEFAULT_CITY_SCORE);
    }
}
