/**
 * GeoIP adapter: reads MaxMind GeoIP2/GeoLite2 City and DB-IP Lite City databases (mmdb files, memory-mapped) for
 * core's {@link org.ichnaea.core.geoip.GeoIpDatabase} port, opens them without ever failing start-up
 * ({@link org.ichnaea.geoip.GeoIpDatabases}), and swaps in a replaced file while running
 * ({@link org.ichnaea.geoip.ReloadingGeoIpDatabase}). See docs/geoip.md.
 */
package org.ichnaea.geoip;
