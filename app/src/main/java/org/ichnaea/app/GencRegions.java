package org.ichnaea.app;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.ichnaea.core.region.RegionShapes;

/**
 * Region names without shapes: GENC codes and English names (ISO 3166 names from the JDK, with GENC's own XW and
 * XR). It answers GeoIP and MCC region queries with the right names until the Natural Earth shapes of the regions
 * issue are bundled; it places no point in a region and knows no region radius (the 5,000 km default applies).
 */
final class GencRegions implements RegionShapes {

    private final Map<String, String> names = new HashMap<>();

    GencRegions() {
        for (String code : Locale.getISOCountries()) {
            names.put(code, new Locale("", code).getDisplayCountry(Locale.ENGLISH));
        }
        names.remove("PS");
        names.remove("SJ");
        names.remove("AX");
        names.remove("UM");
        names.put("XW", "West Bank");
        names.put("XR", "Svalbard");
        names.put("GB", "United Kingdom");
        names.put("US", "United States");
    }

    @Override
    public boolean hasShapes() {
        return false;
    }

    @Override
    public Optional<String> region(double lat, double lon) {
        return Optional.empty();
    }

    @Override
    public boolean inRegion(double lat, double lon, String code) {
        return false;
    }

    @Override
    public boolean anyRegion(double lat, double lon) {
        return false;
    }

    @Override
    public Set<String> codes() {
        return names.keySet();
    }

    @Override
    public boolean isKnown(String code) {
        return code != null && names.containsKey(code);
    }

    @Override
    public Optional<String> name(String code) {
        return Optional.ofNullable(names.get(code));
    }

    @Override
    public OptionalDouble maxRadiusMeters(String code) {
        return OptionalDouble.empty();
    }
}
