package org.ichnaea.core.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** The fixed moment tests run at. */
public final class TestClock {

    public static final Instant NOW = Instant.parse("2026-06-15T12:00:00Z");
    public static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

    private TestClock() {
    }

    public static Clock fixed() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }

    public static Instant daysAgo(long days) {
        return NOW.minusSeconds(days * 86_400L);
    }
}
