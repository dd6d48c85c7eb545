package org.ichnaea.core.locate;

/**
 * The global share of locate queries turned into query observations, in percent (Redis key
 * {@code global_locate_sample_rate}, 100 when unset; set by the rate controller, docs/algorithms.md §13.5).
 */
public interface LocateSampleRate {

    /** The current rate in percent (0 and up; may exceed 100). */
    double percent();
}
