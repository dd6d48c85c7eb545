/**
 * The locate engine: query normalisation, the internal, GeoIP and fallback sources, result selection, the position
 * and region searchers, query data for the pipeline, and the {@link org.ichnaea.core.locate.Locator} facade.
 */
package org.ichnaea.core.locate;
