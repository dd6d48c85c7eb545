package org.ichnaea.core.pipeline;

/** What the station updater did to one station (docs/algorithms.md §13.7). */
public enum StationAction {
    /** A new station with a position. */
    NEW,
    /** A new station whose first observations disagree: stored blocked, without a position. */
    NEW_BLOCK,
    /** Observations merged into the stored position. */
    CHANGE,
    /** The stored position replaced by the observations' (query data upgraded by GNSS, old stations moved). */
    REPLACE,
    /** Query data agreeing with a GNSS station: only last seen moves to today. */
    CONFIRM,
    /** The station moved or its observations disagree: its position is removed and it is blocked. */
    BLOCK,
    /** Nothing to write (already confirmed today, or a station without position seeing disagreeing data). */
    NO_CHANGE,
    /** The station is blocked: the observations are dropped. */
    DROPPED;

    /** Whether this action writes the station. */
    public boolean writes() {
        return this != NO_CHANGE && this != DROPPED;
    }
}
