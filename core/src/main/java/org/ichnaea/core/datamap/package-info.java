/** The coverage grid behind the map: where data was submitted, by day (ichnaea-behaviour.md §5.7). */
package org.ichnaea.core.datamap;
