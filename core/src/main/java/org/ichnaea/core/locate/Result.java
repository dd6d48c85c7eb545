package org.ichnaea.core.locate;

import java.util.List;
import org.ichnaea.core.geo.Geodesy;

/**
 * One candidate answer (docs/algorithms.md §3): a position or region with an accuracy in metres, a score, its
 * source, an optional fallback tag ({@code ipf} or {@code lacf}) and the networks it used. Latitude, longitude and
 * accuracy are rounded to 7 decimals on creation.
 */
public record Result(double lat, double lon, double accuracy, double score, ResultSource source, String fallback,
                     String regionCode, String regionName, List<UsedNetwork> usedNetworks) {

    public Result {
        lat = Geodesy.round7(lat);
        lon = Geodesy.round7(lon);
        accuracy = Geodesy.round7(accuracy);
        usedNetworks = usedNetworks == null ? List.of() : List.copyOf(usedNetworks);
    }

    /** A position result. */
    public static Result position(double lat, double lon, double accuracy, double score, ResultSource source,
                                  String fallback, List<UsedNetwork> used) {
        return new Result(lat, lon, accuracy, score, source, fallback, null, null, used);
    }

    /** A region result; its accuracy is the region's maximum radius. */
    public static Result region(String code, String name, double radius, double score, ResultSource source,
                                String fallback) {
        return new Result(0, 0, radius, score, source, fallback, code, name, List.of());
    }

    public DataAccuracy accuracyClass() {
        return DataAccuracy.of(accuracy);
    }
}
