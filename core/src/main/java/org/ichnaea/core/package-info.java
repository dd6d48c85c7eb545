/**
 * The domain core of Ichnaea for the JVM: pure Java, no I/O libraries. Sub-packages hold the values, the ports the
 * adapters implement (each with an in-memory implementation) and the locate engine.
 */
package org.ichnaea.core;
