package org.ichnaea.core.locate;

/** A sample rate held in memory; 100 % unless set. */
public final class InMemoryLocateSampleRate implements LocateSampleRate {

    private volatile double percent = 100.0;

    @Override
    public double percent() {
        return percent;
    }

    public void set(double value) {
        if (!(value >= 0)) {
            throw new IllegalArgumentException("a sample rate is 0 or more, not " + value);
        }
        this.percent = value;
    }
}
