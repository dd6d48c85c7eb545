/**
 * The external fallback: the provider port, the answer cache and rate limiter ports with in-memory implementations,
 * and the source that combines them.
 */
package org.ichnaea.core.locate.fallback;
