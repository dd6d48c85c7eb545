package org.ichnaea.core.locate.fallback;

/** What an external fallback provider said: a position, or that it knows nothing (both are cached). */
public sealed interface FallbackAnswer permits FallbackAnswer.Found, FallbackAnswer.NotFound {

    /** A position; {@code fallback} is {@code lacf} when the provider answered from a cell area, else null. */
    record Found(double lat, double lon, double accuracy, String fallback) implements FallbackAnswer {
        public Found {
            if (!Double.isFinite(lat) || !Double.isFinite(lon) || !Double.isFinite(accuracy)) {
                throw new IllegalArgumentException("a fallback position needs finite lat, lon and accuracy");
            }
            fallback = "lacf".equals(fallback) ? fallback : null;
        }
    }

    /** The provider knows no position for these networks. */
    record NotFound() implements FallbackAnswer {
    }
}
