package org.ichnaea.core.monitor;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.ichnaea.core.locate.InMemoryLocateSampleRate;

/** {@link RateControlStore} in this process, publishing into an {@link InMemoryLocateSampleRate}. */
public final class InMemoryRateControlStore implements RateControlStore {

    private final Map<String, String> values = new ConcurrentHashMap<>();
    private final InMemoryLocateSampleRate rate;

    public InMemoryRateControlStore(InMemoryLocateSampleRate rate) {
        this.rate = rate;
    }

    /** Sets a knob, e.g. {@code set("enabled", "1")}; null removes it. */
    public void set(String name, String value) {
        if (value == null) {
            values.remove(name);
        } else {
            values.put(name, value);
        }
    }

    @Override
    public Map<String, String> read() {
        return Map.copyOf(values);
    }

    @Override
    public void write(String state, boolean purging, double sampleRate) {
        values.put(STATE, state);
        values.put(TRX_PURGING, purging ? "1" : "0");
        rate.set(sampleRate);
    }
}
