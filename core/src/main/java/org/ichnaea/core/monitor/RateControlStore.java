package org.ichnaea.core.monitor;

import java.util.Map;

/**
 * Where the rate controller's knobs and state live (docs/algorithms.md §13.5; Redis keys
 * {@code rate_controller_*} and {@code global_locate_sample_rate} in production). Faults surface as
 * {@link org.ichnaea.core.StoreUnavailableException}.
 */
public interface RateControlStore {

    /** Knob names without their {@code rate_controller_} prefix. */
    String ENABLED = "enabled";
    String TARGET = "target";
    String KP = "kp";
    String KI = "ki";
    String KD = "kd";
    String TRX_MAX = "trx_max";
    String TRX_MIN = "trx_min";
    String STATE = "state";
    String TRX_PURGING = "trx_purging";

    /** The values of every {@code rate_controller_*} key that is set, by name without the prefix. */
    Map<String, String> read();

    /** Saves the controller's state and purging flag and publishes the new global locate sample rate. */
    void write(String state, boolean purging, double sampleRate);
}
