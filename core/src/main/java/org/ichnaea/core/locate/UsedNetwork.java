package org.ichnaea.core.locate;

/**
 * A network a result was computed from, and whether its station was last seen today.
 *
 * @param id a {@link org.ichnaea.core.radio.MacAddress}, {@link org.ichnaea.core.radio.CellId} or
 *           {@link org.ichnaea.core.radio.CellAreaId}
 */
public record UsedNetwork(NetworkType type, Object id, boolean seenToday) {
}
