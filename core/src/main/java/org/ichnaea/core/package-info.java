/**
 * The domain core of Ichnaea for the JVM: pure Java, with no database, network or I/O library (the one exception,
 * {@link org.ichnaea.core.datamap.TileRenderer}, writes its tiles to a directory with the JDK alone). Sub-packages
 * hold the values, the ports the adapters implement (each with an in-memory implementation), the locate engine and
 * the pipeline.
 */
package org.ichnaea.core;
