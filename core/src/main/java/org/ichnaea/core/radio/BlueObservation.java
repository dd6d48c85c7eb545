package org.ichnaea.core.radio;

import java.util.Optional;

/**
 * A Bluetooth beacon as a client saw it: MAC, age of the sighting in milliseconds, signal in dBm, advertised name.
 * Fields are null when unknown or out of range.
 */
public record BlueObservation(MacAddress mac, Integer age, Integer signal, String name) {

    public static final int MIN_SIGNAL = -127;
    public static final int MAX_SIGNAL = 0;

    public BlueObservation {
        if (mac == null) {
            throw new IllegalArgumentException("a Bluetooth observation needs a MAC address");
        }
    }

    /**
     * Validates raw client values (docs/algorithms.md §1): an unusable MAC drops the entry; an out-of-range age
     * (±3,600,000 ms) or signal (−127..0 dBm) drops that field only.
     */
    public static Optional<BlueObservation> validate(String mac, Long age, Long signal, String name) {
        return MacAddress.parse(mac).map(m -> new BlueObservation(m, Ranges.age(age),
                Ranges.intIn(signal, MIN_SIGNAL, MAX_SIGNAL), name));
    }
}
