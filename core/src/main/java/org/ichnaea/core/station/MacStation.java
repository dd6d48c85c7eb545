package org.ichnaea.core.station;

import org.ichnaea.core.radio.MacAddress;

/** A Wi-Fi access point or Bluetooth beacon the service knows. */
public record MacStation(MacAddress mac, StationData data) {

    public MacStation {
        if (mac == null || data == null) {
            throw new IllegalArgumentException("a station needs a MAC and its data");
        }
    }
}
