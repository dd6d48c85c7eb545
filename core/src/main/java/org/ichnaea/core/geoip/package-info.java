/**
 * GeoIP: the database port, Ichnaea's radius and score tables, and the resolver that turns a record into an answer
 * for the IP-based locate and region sources.
 */
package org.ichnaea.core.geoip;
