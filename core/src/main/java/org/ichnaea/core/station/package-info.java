/**
 * Stations: what the service knows of each Wi-Fi access point, Bluetooth beacon, cell and cell area, how far each
 * is trusted (score), when it is blocked, and the store ports that keep them.
 */
package org.ichnaea.core.station;
