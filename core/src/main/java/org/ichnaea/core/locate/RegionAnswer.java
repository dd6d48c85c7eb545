package org.ichnaea.core.locate;

/** The answer of a region search: GENC code and name, and the fallback tag ({@code ipf}) or null. */
public record RegionAnswer(String code, String name, String fallback) {

    static RegionAnswer of(Result result) {
        return new RegionAnswer(result.regionCode(), result.regionName(), result.fallback());
    }
}
