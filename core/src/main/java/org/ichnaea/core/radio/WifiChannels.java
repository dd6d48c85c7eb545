package org.ichnaea.core.radio;

/**
 * Wi-Fi channel and frequency derivation (docs/algorithms.md §1), extended with the 6 GHz band
 * (docs/api.md "Lenient parsing"): 5955–7115 MHz are channels 1–233 of that band, f = 5950 + 5·c, and 5935 MHz is its
 * channel 2. Within a band the channel is (f − base) div 5, as in Ichnaea, so an off-centre frequency rounds down.
 */
public final class WifiChannels {

    public static final int MIN_FREQUENCY = 2400;
    /** Upper end of the 6 GHz band (Ichnaea stops at 5999). */
    public static final int MAX_FREQUENCY = 7125;
    public static final int MIN_CHANNEL = 1;
    /** The 6 GHz band numbers channels up to 233. */
    public static final int MAX_CHANNEL = 233;

    private WifiChannels() {
    }

    /**
     * The frequency of a channel, or 0 when the channel alone does not tell it. Channel numbers are only unique
     * outside the 6 GHz band, so this never answers a 6 GHz frequency; channels above 199 answer 0.
     */
    public static int frequency(int channel) {
        if (channel >= 1 && channel <= 13) {
            return 2407 + 5 * channel;
        } else if (channel == 14) {
            return 2484;
        } else if (channel >= 15 && channel <= 185) {
            return 5000 + 5 * channel;
        } else if (channel >= 186 && channel <= 199) {
            return 4000 + 5 * channel;
        }
        return 0;
    }

    /** The channel of a frequency in MHz, or 0 when the frequency is outside every band's channel range. */
    public static int channel(int frequency) {
        if (frequency >= 2412 && frequency <= 2472) {
            return (frequency - 2407) / 5;
        } else if (frequency == 2484) {
            return 14;
        } else if (frequency >= 4915 && frequency <= 4995) {
            return (frequency - 4000) / 5;
        } else if (frequency >= 5075 && frequency <= 5925) {
            return (frequency - 5000) / 5;
        } else if (frequency == 5935) {
            return 2;
        } else if (frequency >= 5955 && frequency <= 7115) {
            return (frequency - 5950) / 5;
        }
        return 0;
    }

    /** Whether a frequency is in the 6 GHz band (5935–7125 MHz; 5925 is 5 GHz channel 185). */
    public static boolean isSixGigahertz(int frequency) {
        return frequency >= 5935 && frequency <= MAX_FREQUENCY;
    }
}
