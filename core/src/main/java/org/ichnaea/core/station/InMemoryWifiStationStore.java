package org.ichnaea.core.station;

/** Wi-Fi stations in memory. */
public final class InMemoryWifiStationStore extends InMemoryMacStationStore implements WifiStationStore {
}
