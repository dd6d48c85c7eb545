/**
 * Stations: what the service knows of each Wi-Fi access point, Bluetooth beacon, cell and cell area, how far each
 * is trusted (score), when it is blocked, the store ports that keep them, and the ledger of the reports each station
 * transaction applied (docs/decisions/010-at-least-once-pipeline.md).
 */
package org.ichnaea.core.station;
