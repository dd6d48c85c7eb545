package org.ichnaea.core.station;

/** Bluetooth stations in memory. */
public final class InMemoryBlueStationStore extends InMemoryMacStationStore implements BlueStationStore {
}
