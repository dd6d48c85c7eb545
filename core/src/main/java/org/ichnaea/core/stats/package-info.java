/** Daily statistics: counters, the cumulative {@code stat} table and per-region totals (ichnaea-behaviour.md §5.8). */
package org.ichnaea.core.stats;
