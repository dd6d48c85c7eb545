package org.ichnaea.core.locate.wifi;

import org.ichnaea.core.radio.MacAddress;

/**
 * A queried network whose station is known: station position and score, query signal and age.
 *
 * @param ageMs     max(|query age|, 1000) milliseconds
 * @param signal    the query signal in dBm, or the kind's minimum when none was sent
 * @param seenToday whether the station was last seen today
 */
public record MacNetwork(MacAddress mac, double lat, double lon, double ageMs, int signal, double score,
                         boolean seenToday) {

    /** min(√(2000/age), 1): older sightings count less. */
    public double ageWeight() {
        return Math.min(Math.sqrt(2000.0 / ageMs), 1.0);
    }
}
