/**
 * Periodic jobs (docs/architecture.md "Periodic jobs"): a scheduler and the lock that runs each job once across
 * processes.
 */
package org.ichnaea.core.jobs;
