package org.ichnaea.geoip;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.ichnaea.core.radio.MobileCountryCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The bundled shapes at the level of ISO 3166-1 territories (docs/decisions/007-region-shapes.md): a town in each
 * territory that Natural Earth keeps inside another country, or that only its 1:10m file has, answers that
 * territory's code and name; the mainland of the parent still answers the parent. Also: every shape and every MCC
 * region has a name, and every MCC of the bundled table (docs/decisions/002-mcc-table.md) has a shape.
 */
class TerritoryShapesTest {

    private static final JtsRegionShapes SHAPES = JtsRegionShapes.bundled();

    /** Whether the region API would answer a name for the code, and not the bare code. */
    private static boolean named(String code) {
        String name = SHAPES.name(code).orElse("");
        return !name.isBlank() && !name.equals(code);
    }

    @ParameterizedTest(name = "{0} ({3})")
    @CsvSource(delimiter = ';', textBlock = """
            RE; -21.2779;   55.5177; Le Tampon
            GP;  16.2411;  -61.5331; Pointe-à-Pitre
            MQ;  14.6161;  -61.0588; Fort-de-France
            GF;   5.1598;  -52.6498; Kourou
            YT; -12.7806;   45.2279; Mamoudzou
            PM;  46.7811;  -56.1764; Saint-Pierre
            BL;  17.8962;  -62.8498; Gustavia
            MF;  18.1000;  -63.0560; Grand-Case
            GI;  36.1408;   -5.3536; Gibraltar
            AX;  60.0973;   19.9348; Mariehamn
            XR;  78.2232;   15.6267; Longyearbyen
            XR;  70.9380;   -8.6680; Olonkinbyen, Jan Mayen
            FO;  62.0079;   -6.7900; Tórshavn
            GL;  64.1814;  -51.6941; Nuuk
            JE;  49.1880;   -2.1049; Saint Helier
            GG;  49.4550;   -2.5367; Saint Peter Port
            IM;  54.1523;   -4.4861; Douglas
            PR;  18.4655;  -66.1057; San Juan
            GU;  13.4745;  144.7504; Hagåtña
            VI;  18.3419;  -64.9307; Charlotte Amalie
            AS; -14.2756; -170.7020; Pago Pago
            MP;  15.2069;  145.7197; Garapan
            HK;  22.3193;  114.1694; Mong Kok
            MO;  22.1987;  113.5439; Macao peninsula
            NC; -22.2758;  166.4580; Nouméa
            PF; -17.5516; -149.5585; Papeete
            WF; -13.2825; -176.1745; Mata-Utu
            AW;  12.5211;  -70.0370; Oranjestad
            CW;  12.1224;  -68.8824; Willemstad
            SX;  18.0260;  -63.0458; Philipsburg
            BQ;  12.1443;  -68.2655; Kralendijk, Bonaire
            BQ;  17.4890;  -62.9740; Oranjestad, Sint Eustatius
            BM;  32.2949;  -64.7814; Hamilton
            KY;  19.2869;  -81.3674; George Town
            TC;  21.7738;  -72.2650; Providenciales
            VG;  18.4286;  -64.6185; Road Town
            AI;  18.2170;  -63.0578; The Valley
            MS;  16.7918;  -62.2106; Brades
            FK; -51.6938;  -57.8570; Stanley
            TK;  -8.5425; -172.5159; Atafu
            CX; -10.4217;  105.6791; Flying Fish Cove
            CC; -12.1883;   96.8339; West Island
            BV; -54.4208;    3.3464; Bouvet Island
            TV;  -8.5211;  179.1983; Funafuti
            UM;  28.2072; -177.3735; Midway Atoll
            FR;  48.8566;    2.3522; Paris
            NO;  59.9139;   10.7522; Oslo
            NL;  52.3676;    4.9041; Amsterdam
            GB;  51.5074;   -0.1278; London
            ES;  36.7213;   -4.4214; Málaga
            FI;  60.1699;   24.9384; Helsinki
            NZ; -41.2865;  174.7762; Wellington
            AU; -33.8688;  151.2093; Sydney
            """)
    void a_town_answers_its_territory(String code, double lat, double lon, String town) {
        assertThat(SHAPES.region(lat, lon)).as(town).contains(code);
        assertThat(SHAPES.inRegion(lat, lon, code)).as(town).isTrue();
        assertThat(named(code)).as("%s has a name", code).isTrue();
    }

    @Test
    void names_and_radii_of_split_territories() {
        assertThat(SHAPES.name("RE")).contains("Réunion");
        assertThat(SHAPES.name("GI")).contains("Gibraltar");
        assertThat(SHAPES.name("AX")).contains("Åland Islands");
        assertThat(SHAPES.name("XR")).contains("Svalbard");
        // Ichnaea (map sub-units): GI 3 km, FR 570 km (metropolitan), GB 543 km, BT 190 km, VA 1 km.
        assertThat(SHAPES.maxRadiusMeters("GI").orElseThrow()).isEqualTo(3_000.0);
        assertThat(SHAPES.maxRadiusMeters("VA").orElseThrow()).isEqualTo(1_000.0);
        assertThat(SHAPES.maxRadiusMeters("RE").orElseThrow()).isBetween(25_000.0, 50_000.0);
        assertThat(SHAPES.maxRadiusMeters("FR").orElseThrow()).isBetween(540_000.0, 600_000.0);
        assertThat(SHAPES.maxRadiusMeters("XR").orElseThrow()).isBetween(150_000.0, 300_000.0);
        assertThat(SHAPES.maxRadiusMeters("BT").orElseThrow()).isBetween(150_000.0, 220_000.0);
    }

    @Test
    void every_shape_has_a_name_that_is_not_its_code() {
        assertThat(SHAPES.codes()).hasSize(250);
        List<String> unnamed = new ArrayList<>();
        for (String code : SHAPES.codes()) {
            if (!named(code)) {
                unnamed.add(code);
            }
        }
        assertThat(unnamed).as("codes without a name").isEmpty();
    }

    @Test
    void every_mcc_has_a_shape_and_every_region_of_an_mcc_a_name() {
        MobileCountryCodes table = MobileCountryCodes.bundled();
        int seen = 0;
        List<String> problems = new ArrayList<>();
        for (int mcc = 0; mcc < 1000; mcc++) {
            if (!table.isValid(mcc)) {
                continue;
            }
            seen++;
            Set<String> regions = table.regions(mcc);
            if (regions.stream().noneMatch(SHAPES::isKnown)) {
                problems.add(mcc + ": no region with a shape in " + regions);
            }
            for (String region : regions) {
                if (!named(region)) {
                    problems.add(mcc + ": " + region + " has no name");
                }
            }
        }
        assertThat(seen).isEqualTo(table.size()).isEqualTo(238);
        assertThat(problems).isEmpty();
        assertThat(table.regions(244)).containsExactly("AX", "FI");
        assertThat(table.regions(242)).containsExactly("BV", "NO", "XR");
        assertThat(table.regions(208)).containsExactly("FR", "MC", "YT");
        assertThat(table.regions(647)).containsExactly("RE", "YT");
        assertThat(table.regions(266)).containsExactly("GI");
        for (int mcc : new int[] {332, 430, 431, 534, 535}) {
            assertThat(table.isValid(mcc)).as("MCC %d", mcc).isTrue();
        }
    }
}
