package org.ichnaea.core.locate;

/**
 * The answer of a position search: latitude, longitude and accuracy (radius in metres of a 95 % circle), each rounded
 * to 7 decimals, and the fallback tag ({@code ipf}, {@code lacf}) or null.
 */
public record Position(double lat, double lon, double accuracy, String fallback) {

    static Position of(Result result) {
        // An answer from a cell's siblings is a location-area-level fallback in Ichnaea's vocabulary.
        return new Position(result.lat(), result.lon(), result.accuracy(),
                "sibling".equals(result.fallback()) ? "lacf" : result.fallback());
    }
}
