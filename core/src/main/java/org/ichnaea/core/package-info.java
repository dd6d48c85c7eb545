/**
 * The domain core of Ichnaea for the JVM: pure Java, with no database, network or I/O library, and no file access
 * (the coverage tiles are drawn here and written by an adapter through {@link org.ichnaea.core.datamap.TileStore}).
 * Sub-packages hold the values, the ports the adapters implement (each with an in-memory implementation), the locate
 * engine and the pipeline.
 */
package org.ichnaea.core;
