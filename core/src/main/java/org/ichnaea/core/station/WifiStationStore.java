package org.ichnaea.core.station;

/** Where Wi-Fi access points are kept. */
public interface WifiStationStore extends MacStationStore {
}
