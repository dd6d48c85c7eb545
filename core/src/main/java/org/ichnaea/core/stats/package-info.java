/** Daily statistics: counters, the cumulative {@code stat} table and per-region totals (docs/algorithms.md §13.3). */
package org.ichnaea.core.stats;
