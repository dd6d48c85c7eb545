/**
 * The export fan-out (ichnaea-behaviour.md §5.2, §5.3): every queued report goes to each export configuration that
 * accepts it, through one queue per configuration, and each configuration's exporter drains its queue in batches.
 */
package org.ichnaea.core.export;
