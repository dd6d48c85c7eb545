package org.ichnaea.core.evaluate;

import java.util.Map;
import org.ichnaea.core.locate.QueryInput;

/**
 * A held-out query with its true position.
 *
 * @param lat   the true latitude
 * @param lon   the true longitude
 * @param kind  the query's kind as the test file names it ({@code wifi}, {@code cell}, {@code blue},
 *              {@code mixed}, ...); null when unknown
 * @param tags  free labels of the query (mobility, network mode, ...), grouped on request
 * @param input the query, as the {@code /v1/geolocate} parser makes it
 */
public record TestQuery(double lat, double lon, String kind, Map<String, String> tags, QueryInput input) {

    public TestQuery {
        if (input == null) {
            throw new IllegalArgumentException("a test query needs a query");
        }
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }
}
