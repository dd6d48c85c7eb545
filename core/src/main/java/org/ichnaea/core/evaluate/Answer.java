package org.ichnaea.core.evaluate;

import java.util.LinkedHashSet;
import java.util.Set;
import org.ichnaea.core.geo.Geodesy;
import org.ichnaea.core.locate.Result;
import org.ichnaea.core.locate.ResultSource;
import org.ichnaea.core.locate.UsedNetwork;

/**
 * The engine's answer to one test query.
 *
 * @param query      the query
 * @param result     the chosen result; null when the engine found no position (a 404 {@code notFound})
 * @param error      metres from the true position to the answer (haversine); NaN when not found
 * @param answeredBy what answered: {@link #answeredBy(Result)}
 */
public record Answer(TestQuery query, Result result, double error, String answeredBy) {

    /** The answer that was not found. */
    public static final String NOT_FOUND = "none";

    /** Measures {@code result} (null: not found) against the query's true position. */
    public static Answer of(TestQuery query, Result result) {
        double error = result == null ? Double.NaN
                : Geodesy.haversine(query.lat(), query.lon(), result.lat(), result.lon());
        return new Answer(query, result, error, answeredBy(result));
    }

    public boolean found() {
        return result != null;
    }

    /** Whether the true position lies within the returned accuracy circle. */
    public boolean inside() {
        return result != null && error <= result.accuracy();
    }

    /**
     * The kind of answer: {@code wifi}, {@code blue}, {@code cell}, {@code cell sibling} or {@code cellarea} for
     * internal results (by the type of the networks they were computed from, joined by {@code +} if ever several;
     * {@code cell sibling} for an unknown cell answered from its site's cells), {@code geoip} or
     * {@code fallback} for the other sources, {@link #NOT_FOUND} when there is no result.
     */
    public static String answeredBy(Result result) {
        if (result == null) {
            return NOT_FOUND;
        }
        if (result.source() != ResultSource.INTERNAL) {
            return result.source().name().toLowerCase(java.util.Locale.ROOT);
        }
        Set<String> types = new LinkedHashSet<>();
        for (UsedNetwork used : result.usedNetworks()) {
            types.add(switch (used.type()) {
                case WIFI -> "wifi";
                case BLUE -> "blue";
                case CELL -> "cell";
                case AREA -> "cellarea";
            });
        }
        String kind = types.isEmpty() ? "internal" : String.join("+", types);
        // A cell unknown itself, answered from the known cells of its site.
        return "sibling".equals(result.fallback()) ? "cell sibling" : kind;
    }
}
