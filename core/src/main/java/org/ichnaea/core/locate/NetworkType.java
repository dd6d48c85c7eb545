package org.ichnaea.core.locate;

/** The kinds of network a result can be built from. */
public enum NetworkType {
    AREA,
    BLUE,
    CELL,
    WIFI
}
