package org.ichnaea.core.station;

/** Where Bluetooth beacons are kept. */
public interface BlueStationStore extends MacStationStore {
}
