/**
 * Accuracy evaluation: learn stations from submitted reports through the real pipeline on in-memory stores, answer
 * held-out queries through the real locate engine, and measure the answers against the true positions
 * (docs/accuracy.md). Reading files is left to the caller (the {@code evaluate} command of {@code app}), which parses
 * them with the HTTP API's own request parsers.
 */
package org.ichnaea.core.evaluate;
