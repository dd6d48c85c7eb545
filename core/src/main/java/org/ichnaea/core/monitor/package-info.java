/** Monitoring jobs and the sample-rate controller (docs/algorithms.md §13.5). */
package org.ichnaea.core.monitor;
