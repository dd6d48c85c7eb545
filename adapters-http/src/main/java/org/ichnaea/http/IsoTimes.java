package org.ichnaea.http;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** ISO-8601 times of the v0 submit format: date-times with or without offset, or dates. */
final class IsoTimes {

    private IsoTimes() {
    }

    /** Longer texts are not ISO-8601 times (the longest, with nanoseconds and an offset, has 35 characters). */
    static final int MAX_LENGTH = 100;

    /**
     * Milliseconds since the epoch, or null when the text is absent, not ISO-8601 or longer than
     * {@link #MAX_LENGTH} (the server uses "now").
     */
    static Long toMillis(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String s = text.trim();
        if (s.length() > MAX_LENGTH) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            // try the next form
        }
        try {
            return java.time.LocalDateTime.parse(s).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException e) {
            // try the next form
        }
        try {
            return LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
