package org.ichnaea.core.radio;

import java.util.Optional;

/**
 * A Wi-Fi access point as a client saw it. Fields are null when unknown or out of range; channel and frequency are
 * derived from each other when only one is known.
 */
public record WifiObservation(MacAddress mac, Integer age, Integer channel, Integer frequency, Integer signal,
                              Integer snr, String ssid) {

    public static final int MIN_SIGNAL = -100;
    public static final int MAX_SIGNAL = -10;

    public WifiObservation {
        if (mac == null) {
            throw new IllegalArgumentException("a Wi-Fi observation needs a MAC address");
        }
    }

    /**
     * Validates raw client values (docs/algorithms.md §1, docs/api.md "Lenient parsing"): an unusable MAC drops the
     * entry; age ±3,600,000 ms, channel 1..233, frequency 2400..7125 MHz, signal −100..−10 dBm (0 means unknown),
     * SNR 1..100 are kept only in range. One of channel/frequency is derived from the other when missing.
     */
    public static Optional<WifiObservation> validate(String mac, Long age, Long channel, Long frequency, Long signal,
                                                     Long snr, String ssid) {
        Optional<MacAddress> parsed = MacAddress.parse(mac);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        Integer ch = Ranges.intIn(channel, WifiChannels.MIN_CHANNEL, WifiChannels.MAX_CHANNEL);
        Integer freq = Ranges.intIn(frequency, WifiChannels.MIN_FREQUENCY, WifiChannels.MAX_FREQUENCY);
        if (ch == null && freq != null) {
            int derived = WifiChannels.channel(freq);
            ch = derived > 0 ? derived : null;
        } else if (freq == null && ch != null) {
            int derived = WifiChannels.frequency(ch);
            freq = derived > 0 ? derived : null;
        }
        return Optional.of(new WifiObservation(parsed.get(), Ranges.age(age), ch, freq,
                Ranges.intIn(signal, MIN_SIGNAL, MAX_SIGNAL), Ranges.intIn(snr, 1, 100), ssid));
    }

    /**
     * Whether the network's owner asked not to be mapped: an SSID ending in {@code _nomap} or containing
     * {@code _optout} (docs/decisions/001-fixed-ichnaea-quirks.md fix 6).
     */
    public boolean isOptedOut() {
        return ssid != null && (ssid.endsWith("_nomap") || ssid.contains("_optout"));
    }
}
