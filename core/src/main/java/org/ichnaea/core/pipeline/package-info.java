/**
 * The data pipeline's logic: how observations change stations (the updater's state machine of
 * ichnaea-behaviour.md §5.5). Queues, scheduling and the other updaters come with the pipeline issue.
 */
package org.ichnaea.core.pipeline;
