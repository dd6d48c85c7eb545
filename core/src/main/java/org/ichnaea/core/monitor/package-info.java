/** Monitoring jobs and the sample-rate controller (ichnaea-behaviour.md §5.11). */
package org.ichnaea.core.monitor;
