package org.ichnaea.core.radio;

/** Range checks shared by the observation validators: out of range means unknown (null). */
final class Ranges {

    static final long MAX_AGE_MS = 3_600_000;

    private Ranges() {
    }

    static Integer intIn(Long value, long min, long max) {
        return value != null && value >= min && value <= max ? (int) (long) value : null;
    }

    static Long longIn(Long value, long min, long max) {
        return value != null && value >= min && value <= max ? value : null;
    }

    static Integer age(Long value) {
        return intIn(value, -MAX_AGE_MS, MAX_AGE_MS);
    }
}
