/** Periodic jobs (ichnaea-behaviour.md §5.9): a scheduler and the lock that runs each job once across processes. */
package org.ichnaea.core.jobs;
